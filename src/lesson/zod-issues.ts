import type { z } from 'zod';
import { diagnostic } from './diagnostic.ts';
import { didYouMean } from './did-you-mean.ts';
import { limits } from './limits.ts';
import { keysAt } from './schema-walk.ts';
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

function expectedPhrase(expected: string, path: Path): string {
  const key = String(path.at(-1) ?? '');
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

/**
 * Turn Zod issues into diagnostics placed on the YAML node they are about,
 * worded for a teacher. Unknown keys get a "did you mean" from the schema's
 * own keys; content guidance codes get their own rules. Each issue is placed
 * in constant time per path segment (`nodeAt` indexes each mapping once), so
 * thousands of issues cost thousands of steps, not millions.
 */
export function issuesToDiagnostics(source: YamlSource, schema: z.ZodType, issues: readonly Issue[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const file = source.file;
  for (const issue of issues) {
    const path = issue.path;
    const name = fieldName(path);
    const value = valueAt(source.data, path);
    const at = positionAt(source, path as (string | number)[]);
    switch (issue.code) {
      case 'invalid_type': {
        if (value === undefined) {
          out.push(
            diagnostic(
              'schema-required',
              file,
              at,
              `Missing required field \`${String(path.at(-1))}\`: add it (${expectedPhrase(issue.expected, path)}).`,
            ),
          );
        } else {
          const whole = issue.expected === 'int' && typeof value === 'number';
          out.push(
            diagnostic(
              'schema-type',
              file,
              at,
              `\`${name}\` must be ${expectedPhrase(issue.expected, path)}, got ${whole ? `${value}, which is not whole` : describeValue(value)}.`,
              { actual: describeValue(value) },
            ),
          );
        }
        break;
      }
      case 'unrecognized_keys': {
        const allowed = keysAt(schema, path);
        for (const key of issue.keys) {
          // Past the per-file cap a message is only counted (capDiagnostics): skip the search for a hint.
          const suggestion = out.length < limits.diagnosticsPerFile.value ? didYouMean(key, allowed) : undefined;
          const where = path.length ? ` in \`${fieldName(path)}\`` : '';
          const hint = suggestion
            ? ` Did you mean \`${suggestion}\`?`
            : ` Expected one of ${allowed.map((k) => `\`${k}\``).join(', ')}.`;
          out.push(
            diagnostic(
              'schema-unknown-key',
              file,
              positionAt(source, [...(path as (string | number)[]), key], true),
              `Unknown field \`${key}\`${where}.${hint}`,
              {
                expected: allowed,
                actual: key,
              },
            ),
          );
        }
        break;
      }
      case 'invalid_value': {
        const allowed = issue.values.map(String);
        const actual = typeof value === 'string' ? value : describeValue(value);
        if (typeof value === 'string' && value.startsWith('n/')) {
          out.push(
            diagnostic(
              'content-guidance-locked',
              file,
              at,
              `Content guidance code \`${value}\` marks content that PSHE Kit lessons must not contain (Oak locks such lessons). Remove the content and the code.`,
              { actual },
            ),
          );
          break;
        }
        if (typeof value === 'string' && value.startsWith('t/')) {
          out.push(
            diagnostic(
              'content-guidance-toxic',
              file,
              at,
              `Content guidance code \`${value}\` marks toxic content, which has no place in a lesson. Remove the content and the code.`,
              { actual },
            ),
          );
          break;
        }
        const suggestion = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
        const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
        const list = allowed.length <= 12 ? `one of ${allowed.map((v) => `\`${v}\``).join(', ')}` : 'an allowed value';
        out.push(
          diagnostic('schema-value', file, at, `\`${name}\` must be ${list}, got ${describeValue(value)}.${hint}`, {
            expected: allowed,
            actual,
          }),
        );
        break;
      }
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const limit = Number(small ? issue.minimum : issue.maximum);
        let message: string;
        if (issue.origin === 'array') {
          message = small
            ? `\`${name}\` needs at least ${limit} item${limit === 1 ? '' : 's'}.`
            : `\`${name}\` may have at most ${limit} items; it has ${(value as unknown[]).length}.`;
        } else if (issue.origin === 'string') {
          message = small
            ? `\`${name}\` must not be empty.`
            : `\`${name}\` must be at most ${limit} characters; it has ${String(value).length}. Shorten it.`;
        } else {
          message = `\`${name}\` must be ${small ? 'at least' : 'at most'} ${limit}, got ${describeValue(value)}.`;
        }
        out.push(diagnostic('schema-size', file, at, message, { actual: describeValue(value) }));
        break;
      }
      case 'invalid_format': {
        const wanted = issue.format === 'date' ? 'a date written as YYYY-MM-DD, such as 2027-09-01' : issue.message;
        out.push(
          diagnostic('schema-format', file, at, `\`${name}\` must be ${wanted}, got ${describeValue(value)}.`, {
            actual: describeValue(value),
          }),
        );
        break;
      }
      default:
        out.push(diagnostic('schema-value', file, at, `\`${name}\`: ${issue.message}.`));
    }
  }
  return out;
}
