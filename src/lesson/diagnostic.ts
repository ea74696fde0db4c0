import { limits } from '../limits.ts';
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

/**
 * At most `limits.diagnosticsPerFile` problems for one file: errors first
 * (in the order given), then warnings, and one `diagnostics-truncated`
 * warning that counts the rest. A list already capped can be capped again
 * after more are added: an earlier count is carried over, not repeated.
 * `alsoOmitted` counts problems the caller found but did not build.
 */
export function capDiagnostics(list: Diagnostic[], alsoOmitted = 0): Diagnostic[] {
  const cap = limits.diagnosticsPerFile.value;
  let omitted = alsoOmitted;
  const kept: Diagnostic[] = [];
  for (const item of list) {
    if (item.ruleId === 'diagnostics-truncated') omitted += Number(item.actual) || 0;
    else kept.push(item);
  }
  if (kept.length <= cap && omitted === 0) return list;
  const ordered = [
    ...kept.filter((item) => item.severity === 'error'),
    ...kept.filter((item) => item.severity !== 'error'),
  ];
  const shown = ordered.slice(0, cap);
  const rest = ordered.slice(cap);
  omitted += rest.length;
  const file = list[0]?.file ?? '';
  const at = rest[0] ?? { line: 1, column: 1 };
  shown.push(
    diagnostic(
      'diagnostics-truncated',
      file,
      { line: at.line, column: at.column },
      `${omitted} more problem${omitted === 1 ? '' : 's'} in this file not shown (at most ${cap} are reported for one file). Fix these and check again.`,
      { actual: String(omitted) },
    ),
  );
  return shown;
}
