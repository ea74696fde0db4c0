/**
 * The directives PSHE Kit understands (design.md, directive table): their
 * kind (how many colons) and the attributes each accepts. Anything else is an
 * error, so a typo never silently drops teacher-only content into a handout.
 */
export type DirectiveKind = 'containerDirective' | 'leafDirective' | 'textDirective';

export interface DirectiveSpec {
  kind: DirectiveKind;
  /** Attribute name → check of its value (returns an error message, or undefined when fine). */
  attributes: Record<string, (value: string) => string | undefined>;
  /** How the directive is written, for messages. */
  example: string;
}

const positiveCount = (value: string) =>
  /^[1-9][0-9]?$/.test(value) ? undefined : `expected a whole number of lines from 1 to 99, got "${value}"`;
const name = (value: string) => (value.trim() ? undefined : 'expected a first name, such as name="Sam"');

export const directiveSpecs: Record<string, DirectiveSpec> = {
  teacher: { kind: 'containerDirective', attributes: {}, example: ':::teacher … :::' },
  scenario: { kind: 'containerDirective', attributes: { name }, example: ':::scenario{name="Sam"} … :::' },
  discuss: { kind: 'containerDirective', attributes: {}, example: ':::discuss … :::' },
  warning: { kind: 'containerDirective', attributes: {}, example: ':::warning … :::' },
  lines: { kind: 'leafDirective', attributes: { count: positiveCount }, example: '::lines{count=4}' },
  signpost: { kind: 'textDirective', attributes: {}, example: ':signpost[childline]' },
};

export const directiveNames = Object.keys(directiveSpecs);
