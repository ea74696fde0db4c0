import { limits } from './limits.ts';
import { rules } from './rules.ts';

const number = (value: number) => value.toLocaleString('en-GB');

/** docs/rules.md, generated from the rule table and the limits so the three never disagree. */
export function rulesMarkdown(): string {
  const rows = Object.entries(rules).map(
    ([id, rule]) => `| \`${id}\` | ${rule.severity} | ${rule.source} | ${rule.description} |`,
  );
  const limitRows = Object.values(limits).map(
    (limit) => `| ${limit.what} | ${number(limit.value)} ${limit.unit} | \`${limit.rule}\` |`,
  );
  return [
    '# `pshe check` rules',
    '',
    'Generated from `src/lesson/rules.ts` and `src/lesson/limits.ts` by `npm run schemas`; do not edit',
    'by hand. Rule ids are permanent, so you can search for them.',
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
