import { rules } from './rules.ts';
import type { RuleId } from './rules.ts';
import type { Diagnostic } from './types.ts';

/** Make a diagnostic for a rule; severity and source come from the rule table. */
export function diagnostic(
  ruleId: RuleId,
  file: string,
  at: { line: number; column: number },
  message: string,
  extra: Partial<Pick<Diagnostic, 'expected' | 'actual' | 'note' | 'cause' | 'endLine' | 'endColumn'>> = {},
): Diagnostic {
  const rule = rules[ruleId];
  return {
    file,
    line: at.line,
    column: at.column,
    severity: rule.severity,
    ruleId,
    source: rule.source,
    message,
    ...extra,
  };
}

/** Sort by file, then line, then column, so output is stable. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
  );
}
