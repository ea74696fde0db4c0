import { z } from 'zod';
import { diagnostic } from './diagnostic.ts';
import { didYouMean } from '../did-you-mean.ts';
import { limits } from '../limits.ts';
import { rules } from './rules.ts';
import { keysAt, schemaAt } from './schema-walk.ts';
import { positionAt } from './yaml-source.ts';
import type { YamlSource } from './yaml-source.ts';
import type { Diagnostic } from './types.ts';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** The name a teacher sees for a path: the last key, with the item number when it is a list item. */
function fieldName(path: Path): string {
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number') {
      const last = parts.pop() ?? 'item';
      parts.push(`${last} item ${segment + 1}`);
    } else {
      parts.push(String(segment));
    }
  }
  return parts.slice(-2).join(' → ') || 'the file';
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping of fields';
  return String(value);
}

/** How a date is asked for, wherever a field holds one. */
const DATE_PHRASE = 'a date written as YYYY-MM-DD, such as 2027-09-01';

function expectedPhrase(expected: string, path: Path, schema: z.ZodType): string {
  const key = String(path.at(-1) ?? '');
  // A date is text to Zod's type check; the schema at the path says it is a date.
  if (expected === 'string' && schemaAt(schema, path as PropertyKey[]) instanceof z.ZodISODate) return DATE_PHRASE;
  switch (expected) {
    case 'int':
    case 'number':
      return /minutes/i.test(key) ? 'a whole number of minutes' : 'a whole number';
    case 'string':
      return 'text';
    case 'array':
      return 'a list (lines starting with "- ")';
    case 'object':
      return 'a mapping of fields (key: value)';
    case 'boolean':
      return 'true or false';
    default:
      return expected;
  }
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** What every handler is given: the file, the schema and what is known about the issue's place. */
export interface IssueState {
  source: YamlSource;
  schema: z.ZodType;
  /** The diagnostics so far (a handler adds to them; past the per-file cap, hints are skipped). */
  out: Diagnostic[];
  /** The field's name as a teacher sees it (`cycles item 1 → title`). */
  name: string;
  /** The value at the issue's path, if any. */
  value: unknown;
  /** Where the value is, or its nearest parent. */
  at: { line: number; column: number };
}

/** Turns one kind of Zod issue into diagnostics, pushed onto `state.out`. */
export type IssueHandler<Code extends Issue['code'] = Issue['code']> = (
  state: IssueState,
  issue: Extract<Issue, { code: Code }>,
) => void;

const invalidType: IssueHandler<'invalid_type'> = (state, issue) => {
  const { source, name, value, at, out } = state;
  if (value === undefined) {
    const key = String(issue.path.at(-1));
    out.push(
      diagnostic(
        'schema-required',
        source.file,
        at,
        rules['schema-required'].message({ key, expected: expectedPhrase(issue.expected, issue.path, state.schema) }),
      ),
    );
    return;
  }
  const whole = issue.expected === 'int' && typeof value === 'number';
  const got = whole ? `${value}, which is not whole` : describeValue(value);
  out.push(
    diagnostic(
      'schema-type',
      source.file,
      at,
      rules['schema-type'].message({
        field: name,
        expected: expectedPhrase(issue.expected, issue.path, state.schema),
        got,
      }),
      { actual: describeValue(value) },
    ),
  );
};

const unrecognizedKeys: IssueHandler<'unrecognized_keys'> = (state, issue) => {
  const { source, schema, out } = state;
  const path = issue.path as (string | number)[];
  const allowed = keysAt(schema, path);
  for (const key of issue.keys) {
    // Past the per-file cap a message is only counted (capDiagnostics): skip the search for a hint.
    const suggestion = out.length < limits.diagnosticsPerFile.value ? didYouMean(key, allowed) : undefined;
    const within = path.length ? fieldName(path) : undefined;
    out.push(
      diagnostic(
        'schema-unknown-key',
        source.file,
        positionAt(source, [...path, key], true),
        rules['schema-unknown-key'].message({ key, within, suggestion, allowed }),
        { expected: allowed, actual: key },
      ),
    );
  }
};

const invalidValue: IssueHandler<'invalid_value'> = (state, issue) => {
  const { source, name, value, at, out } = state;
  const allowed = issue.values.map(String);
  const actual = typeof value === 'string' ? value : describeValue(value);
  // Oak's codes that mark content no lesson may hold have rules of their own.
  if (typeof value === 'string' && value.startsWith('n/')) {
    out.push(
      diagnostic('content-guidance-locked', source.file, at, rules['content-guidance-locked'].message(value), {
        actual,
      }),
    );
    return;
  }
  if (typeof value === 'string' && value.startsWith('t/')) {
    out.push(
      diagnostic('content-guidance-toxic', source.file, at, rules['content-guidance-toxic'].message(value), {
        actual,
      }),
    );
    return;
  }
  const suggestion = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
  out.push(
    diagnostic(
      'schema-value',
      source.file,
      at,
      rules['schema-value'].message.notAllowed({ field: name, allowed, got: describeValue(value), suggestion }),
      { expected: allowed, actual },
    ),
  );
};

const size: IssueHandler<'too_small' | 'too_big'> = (state, issue) => {
  const { source, name: field, value, at, out } = state;
  const templates = rules['schema-size'].message;
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  let message: string;
  if (issue.origin === 'array') {
    message = small
      ? templates.tooFewItems({ field, minimum: limit })
      : templates.tooManyItems({ field, maximum: limit, count: (value as unknown[]).length });
  } else if (issue.origin === 'string') {
    message = small
      ? templates.empty({ field })
      : templates.tooLong({ field, maximum: limit, length: String(value).length });
  } else {
    message = templates.outOfRange({ field, bound: small ? 'at least' : 'at most', limit, got: describeValue(value) });
  }
  out.push(diagnostic('schema-size', source.file, at, message, { actual: describeValue(value) }));
};

const invalidFormat: IssueHandler<'invalid_format'> = (state, issue) => {
  const { source, name, value, at, out } = state;
  const expected = issue.format === 'date' ? DATE_PHRASE : issue.message;
  out.push(
    diagnostic(
      'schema-format',
      source.file,
      at,
      rules['schema-format'].message({ field: name, expected, got: describeValue(value) }),
      {
        actual: describeValue(value),
      },
    ),
  );
};

/** Any issue without a handler: the schema's own words, as `schema-value`. */
const unknownIssue: IssueHandler = (state, issue) => {
  const { source, name, at, out } = state;
  out.push(
    diagnostic(
      'schema-value',
      source.file,
      at,
      rules['schema-value'].message.other({ field: name, problem: issue.message }),
    ),
  );
};

/**
 * One handler per Zod issue code (as mdast-util-to-hast keeps one per node
 * type); codes not in the map go through {@link unknownIssue}.
 */
export const issueHandlers: { [Code in Issue['code']]?: IssueHandler<Code> } = {
  invalid_type: invalidType,
  unrecognized_keys: unrecognizedKeys,
  invalid_value: invalidValue,
  too_small: (state, issue) => size(state, issue),
  too_big: (state, issue) => size(state, issue),
  invalid_format: invalidFormat,
};

/**
 * Turn Zod issues into diagnostics placed on the YAML node they are about,
 * worded for a teacher (each rule's message is in `rules/`). Unknown keys get
 * a "did you mean" from the schema's own keys; content guidance codes get
 * their own rules. Each issue is placed in constant time per path segment
 * (`nodeAt` indexes each mapping once), so thousands of issues cost thousands
 * of steps, not millions.
 */
export function issuesToDiagnostics(source: YamlSource, schema: z.ZodType, issues: readonly Issue[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const state: IssueState = {
      source,
      schema,
      out,
      name: fieldName(path),
      value: valueAt(source.data, path),
      at: positionAt(source, path as (string | number)[]),
    };
    const handler = (issueHandlers[issue.code] ?? unknownIssue) as IssueHandler;
    handler(state, issue);
  }
  return out;
}
