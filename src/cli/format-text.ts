import { printable, problemLine } from '../lesson/diagnostic-text.ts';
import type { Diagnostic } from '../lesson/types.ts';
import type { Paint } from './colour.ts';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

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
    lines.push(problemLine(d, paint));
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
