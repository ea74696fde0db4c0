import { paint, useColour } from '../colour.ts';
import type { FlagSpec } from '../flags.ts';
import { parseFlags, UsageError } from '../flags.ts';
import { formatJson, formatText } from '../format-text.ts';
import { cachedCheck } from '../check-cache.ts';

export const checkFlags: FlagSpec[] = [
  { long: 'lessons', type: 'string', value: 'DIR', description: 'the library folder', default: 'lessons' },
  { long: 'school', type: 'string', value: 'FILE', description: 'a school profile instead of DIR/school.yaml' },
  { long: 'format', type: 'string', value: 'text|json', description: 'how to print diagnostics', default: 'text' },
  {
    long: 'today',
    type: 'string',
    value: 'DATE',
    description: 'the date date rules compare with (YYYY-MM-DD)',
    default: 'today',
  },
  { long: 'no-cache', type: 'boolean', description: 'ignore the check cache in node_modules/.cache/pshe-kit' },
  { long: 'verbose', type: 'boolean', description: 'show notes and the first definition of duplicates' },
  { long: 'help', type: 'boolean', description: 'show this help' },
];

export const checkUsage =
  'Usage: pshe check [--lessons DIR] [--school FILE] [--format json] [--today DATE] [--no-cache]';

/** `pshe check`: validate the library and print every problem. Returns the exit status. */
export async function runCheck(argv: readonly string[]): Promise<number> {
  const { values } = parseFlags(argv, checkFlags);
  if (values.help) {
    process.stdout.write(`Check a lesson library and report every problem.\n\n`);
    return -1;
  }
  const format = (values.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`\`--format\` must be text or json, got "${format}".`);
  const today = values.today as string | undefined;
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new UsageError(`\`--today\` must be a date written as YYYY-MM-DD, got "${today}".`);
  const dir = (values.lessons as string | undefined) ?? 'lessons';
  const options = { school: values.school as string | undefined, today };
  const { diagnostics, files } = await cachedCheck(dir, { ...options, cache: !values['no-cache'] });
  if (format === 'json') process.stdout.write(formatJson(diagnostics));
  else
    process.stdout.write(
      formatText(diagnostics, paint(useColour(process.stdout)), { verbose: Boolean(values.verbose), files }),
    );
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
