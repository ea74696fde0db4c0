import { rules } from './rules.ts';

/** docs/rules.md, generated from the rule table so the two never disagree. */
export function rulesMarkdown(): string {
  const rows = Object.entries(rules).map(
    ([id, rule]) => `| \`${id}\` | ${rule.severity} | ${rule.source} | ${rule.description} |`,
  );
  return [
    '# `pshe check` rules',
    '',
    'Generated from `src/lesson/rules.ts` by `npm run schemas`; do not edit by hand. Rule ids are',
    'permanent, so you can search for them.',
    '',
    '| rule | severity | layer | what it finds |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
