import { contentRules } from './rules/content.ts';
import { libraryRules } from './rules/library.ts';
import { markdownRules } from './rules/markdown.ts';
import { renderRules } from './rules/render.ts';
import { safetyRules } from './rules/safety.ts';
import { schemaRules } from './rules/schema.ts';
import type { Rule } from './rules/types.ts';
import { yamlRules } from './rules/yaml.ts';

export type { MessageTemplate, Rule, RuleFixture } from './rules/types.ts';

/**
 * Every rule `pshe check` reports, by permanent id. Ids never change meaning,
 * so people can search for them. Each entry, in `rules/<layer>.ts`, holds its
 * severity, layer and description (`docs/rules.md` is generated from them),
 * the wording of its message where a check in `checks/` or `zod-issues.ts`
 * reports it, and ok and not-ok examples that `tests/lesson/rule-fixtures.test.ts` runs.
 */
export const rules = {
  ...yamlRules,
  ...schemaRules,
  ...safetyRules,
  ...contentRules,
  ...libraryRules,
  ...markdownRules,
  ...renderRules,
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;

/** The id of a rule's row in docs/rules.md (`rule-timing-over`). */
export function ruleAnchor(id: RuleId): string {
  return `rule-${id}`;
}

/** Where a rule is documented, relative to the repository: `docs/rules.md#rule-timing-over`. */
export function ruleDocs(id: RuleId): string {
  return `docs/rules.md#${ruleAnchor(id)}`;
}
