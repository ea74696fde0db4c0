import { limits } from '../limits.ts';
import { ruleAnchor, rules } from './rules.ts';
import type { RuleId } from './rules.ts';

const number = (value: number) => value.toLocaleString('en-GB');

/** docs/rules.md, generated from the rule table and the limits so the three never disagree. */
export function rulesMarkdown(): string {
  // Each row carries its rule's anchor, so a message can link to docs/rules.md#rule-<id>.
  const rows = Object.entries(rules).map(
    ([id, rule]) =>
      `| <a id="${ruleAnchor(id as RuleId)}"></a>\`${id}\` | ${rule.severity} | ${rule.source} | ${rule.description} |`,
  );
  const limitRows = Object.values(limits).map(
    (limit) =>
      `| ${limit.what} | ${number(limit.value)} ${limit.unit} | [\`${limit.rule}\`](#${ruleAnchor(limit.rule as RuleId)}) |`,
  );
  return [
    '# `pshe check` rules',
    '',
    'Generated from `src/lesson/rules.ts` and `src/limits.ts` by `npm run schemas`; do not edit',
    'by hand. Rule ids are permanent, so you can search for them; each row is at `#rule-<id>`. Each rule',
    'has ok and not-ok examples next to it in `src/lesson/rules/`, which the tests run.',
    '',
    '| rule | severity | layer | what it finds |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '## Limits',
    '',
    'A library is untrusted input: these caps keep `pshe check` and `pshe build` quick and their memory',
    'bounded whatever a file holds. Each is well above what a real lesson needs; going over one is an',
    'error at the place it happens, with the limit in its message.',
    '',
    '| what | limit | rule |',
    '| --- | --- | --- |',
    ...limitRows,
    '',
  ].join('\n');
}
