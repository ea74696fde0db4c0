import { didYouMean } from '../lesson/did-you-mean.ts';

/** One command-line flag, as data: help text and errors are generated from it. */
export interface FlagSpec {
  long: string;
  type: 'string' | 'boolean';
  description: string;
  /** Shown in help; the command applies it. */
  default?: string;
  value?: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export type ParsedFlags = { values: Record<string, string | boolean>; positionals: string[] };

/** Parse `--name value`, `--name=value` and boolean `--name`, against a flag list. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const spec = specs.find((flag) => flag.long === name);
    if (!spec) {
      const suggestion = didYouMean(
        name,
        specs.map((flag) => flag.long),
      );
      throw new UsageError(
        `Unknown option \`--${name}\`. ${suggestion ? `Did you mean \`--${suggestion}\`?` : `Expected one of ${specs.map((flag) => `--${flag.long}`).join(', ')}.`}`,
      );
    }
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`\`--${name}\` takes no value.`);
      values[name] = true;
    } else {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        throw new UsageError(`\`--${name}\` needs a value: --${name} ${spec.value ?? 'VALUE'}.`);
      }
      values[name] = value;
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
