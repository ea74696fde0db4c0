import type { Diagnostic } from './types.ts';

/** Colours for a terminal; the plain one leaves text as it is. */
export interface Tint {
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
}

const plain = (text: string) => text;
const noTint: Tint = { red: plain, yellow: plain, dim: plain };

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
 * escaped. The editor's Problems list (src/browser) shows exactly this; the
 * one home of the format, for the CLI, the site's loader and the editor.
 */
export function problemText(d: Diagnostic, tint: Tint = noTint): string {
  const severity = d.severity === 'error' ? tint.red('error') : tint.yellow('warning');
  // Only the colours added here reach the terminal; everything taken from the library is escaped.
  return `${d.line}:${d.column}: ${severity}: ${printable(d.message)} ${tint.dim(`[${printable(d.ruleId)}]`)}`;
}

/** A problem with its file's path first: `path:line:column: error|warning: message [rule-id]`. */
export function problemLine(d: Diagnostic, tint: Tint = noTint): string {
  return `${printable(d.file)}:${problemText(d, tint)}`;
}
