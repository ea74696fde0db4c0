import { parseArgs } from 'node:util';
import { didYouMean } from '../did-you-mean.ts';

/** One command-line flag, as data: help text and errors are generated from it. */
export interface FlagSpec {
  long: string;
  type: 'string' | 'boolean';
  description: string;
  /** Shown in help; the command applies it. */
  default?: string;
  value?: string;
  /** The flag may be given more than once; its values come back as a list. */
  multiple?: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export type ParsedFlags = { values: Record<string, string | boolean | string[]>; positionals: string[] };

/**
 * Parse `--name value`, `--name=value` and boolean `--name` against a flag
 * list, with Node's own parser (`util.parseArgs`). It runs lenient, so that an
 * unknown or incomplete option reaches us as a token and gets a message a
 * teacher can act on ("Did you mean `--lessons`?") instead of Node's wording.
 */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const { tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      specs.map((flag) => [flag.long, { type: flag.type, multiple: flag.multiple ?? false }]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = token.rawName.startsWith('--') ? specs.find((flag) => flag.long === token.name) : undefined;
    if (!spec) {
      const suggestion = didYouMean(
        token.name,
        specs.map((flag) => flag.long),
      );
      throw new UsageError(
        `Unknown option \`${token.rawName}\`. ${suggestion ? `Did you mean \`--${suggestion}\`?` : `Expected one of ${specs.map((flag) => `--${flag.long}`).join(', ')}.`}`,
      );
    }
    if (spec.type === 'boolean') {
      if (token.inlineValue) throw new UsageError(`\`--${spec.long}\` takes no value.`);
      values[spec.long] = true;
    } else {
      // `--lessons --today 2026-01-01`: the next option is not a value (Node's lenient mode would take it).
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
        throw new UsageError(`\`--${spec.long}\` needs a value: --${spec.long} ${spec.value ?? 'VALUE'}.`);
      }
      if (spec.multiple) {
        // Appended in place: a flag given thousands of times costs thousands of steps, not millions.
        const list = values[spec.long];
        if (Array.isArray(list)) list.push(token.value);
        else values[spec.long] = [token.value];
      } else values[spec.long] = token.value;
    }
  }
  return { values, positionals };
}

export function helpFor(usage: string, specs: readonly FlagSpec[]): string {
  const rows = specs.map((flag) => {
    const left = `  --${flag.long}${flag.type === 'string' ? ` ${flag.value ?? 'VALUE'}` : ''}`;
    const suffix = flag.default ? ` (default: ${flag.default})` : '';
    return `${left.padEnd(24)} ${flag.description}${suffix}`;
  });
  return `${usage}\n\nOptions:\n${rows.join('\n')}\n`;
}
