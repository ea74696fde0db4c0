import type { Diagnostic } from '../lesson/types.ts';
import { paint as paintWith, type Paint } from './colour.ts';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from a library (file names, YAML keys and values quoted in messages)
 * made safe to print on a terminal: every C0 control character, DEL, every
 * C1 control character and the bidirectional overrides are shown escaped
 * (`\x1b`, `\n`, `\u202e`), so a file can neither colour, move the cursor,
 * nor print a line of its own (a forged "✓ no problems").
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => {
    const code = char.charCodeAt(0);
    return named[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
  });
}

/**
 * One problem as `pshe check` prints it after its file's path:
 * `line:column: error|warning: message [rule-id]`, what came from the library
 * escaped. The editor's Problems list (src/browser) shows exactly this.
 */
export function problemText(d: Diagnostic, paint: Paint = paintWith(false)): string {
  const severity = d.severity === 'error' ? paint.red('error') : paint.yellow('warning');
  // Only the colours added here reach the terminal; everything taken from the library is escaped.
  return `${d.line}:${d.column}: ${severity}: ${printable(d.message)} ${paint.dim(`[${printable(d.ruleId)}]`)}`;
}

/**
 * Diagnostics one a line, `path:line:column: error|warning: message [rule-id]`,
 * then a summary. `verbose` adds the note and the cause on indented lines.
 */
export function formatText(
  diagnostics: readonly Diagnostic[],
  paint: Paint,
  options: { verbose?: boolean; files?: number } = {},
): string {
  const lines: string[] = [];
  for (const d of diagnostics) {
    lines.push(`${printable(d.file)}:${problemText(d, paint)}`);
    if (options.verbose) {
      if (d.note) lines.push(`  note: ${printable(d.note)}`);
      if (d.cause)
        lines.push(`  ${printable(d.cause.file)}:${d.cause.line}:${d.cause.column}: ${printable(d.cause.message)}`);
    }
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const checked = options.files === undefined ? '' : ` in ${plural(options.files, 'file')}`;
  if (diagnostics.length === 0) {
    lines.push(paint.green(`✓ no problems${checked}`));
  } else {
    const parts = [
      errors ? paint.red(`✖ ${plural(errors, 'error')}`) : '',
      warnings ? paint.yellow(`⚠ ${plural(warnings, 'warning')}`) : '',
    ];
    lines.push(`${parts.filter(Boolean).join(', ')}${checked}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON formatter: the diagnostics are already plain data. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(diagnostics, null, 2)}\n`;
}
