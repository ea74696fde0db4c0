import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSeq, parseDocument } from 'yaml';
import { SLUG } from '../../lesson/schema.ts';
import type { FlagSpec } from '../flags.ts';
import { parseFlags, UsageError } from '../flags.ts';

export const newFlags: FlagSpec[] = [
  { long: 'lessons', type: 'string', value: 'DIR', description: 'the library folder', default: 'lessons' },
  { long: 'help', type: 'boolean', description: 'show this help' },
];

export const newUsage = 'Usage: pshe new <unit>/<id> [--lessons DIR]';

const templates = fileURLToPath(new URL('../../../templates/', import.meta.url));

/**
 * `pshe new <unit>/<id>`: copy templates/lesson.yaml into the library and add
 * the id to the unit's lesson list (creating the unit when it is new). The
 * copy parses, and `pshe check` flags it until its placeholders are replaced.
 */
export function runNew(argv: readonly string[]): number {
  const { values, positionals } = parseFlags(argv, newFlags);
  if (values.help) return -1;
  const target = positionals[0];
  const match = target ? /^([^/]+)\/([^/]+?)(\.ya?ml)?$/.exec(target) : null;
  if (!match || positionals.length !== 1)
    throw new UsageError(`Expected one argument, <unit>/<id>, such as online-safety/spotting-scams.`);
  const [, unit, id] = match;
  for (const [what, value] of [
    ['unit', unit],
    ['id', id],
  ] as const) {
    if (!SLUG.test(value))
      throw new UsageError(
        `The ${what} \`${value}\` must be lower case words joined by hyphens, such as spotting-scams.`,
      );
  }
  if (id === 'units') throw new UsageError('The id `units` is reserved. Choose another id.');
  const dir = (values.lessons as string | undefined) ?? 'lessons';
  if (!existsSync(path.join(dir, 'signposts.yaml')))
    throw new UsageError(`${dir} is not a lesson library (it has no signposts.yaml). Pass one with --lessons DIR.`);
  const unitDir = path.join(dir, unit);
  const file = path.join(unitDir, `${id}.yaml`);
  if (existsSync(file)) throw new UsageError(`${file} already exists. Choose another id, or edit that file.`);
  mkdirSync(unitDir, { recursive: true });
  writeFileSync(file, readFileSync(path.join(templates, 'lesson.yaml'), 'utf8'));

  const unitFile = path.join(unitDir, 'unit.yaml');
  if (existsSync(unitFile)) {
    const doc = parseDocument(readFileSync(unitFile, 'utf8'));
    const lessons = doc.get('lessons');
    if (isSeq(lessons)) lessons.add(id);
    else doc.set('lessons', [id]);
    writeFileSync(unitFile, doc.toString());
  } else {
    const unitTemplate = readFileSync(path.join(templates, 'unit.yaml'), 'utf8');
    writeFileSync(unitFile, unitTemplate.replace('lessons: []', `lessons:\n  - ${id}`));
  }
  process.stdout.write(
    `Wrote ${file}\nReplace every "TODO:" in it, then run \`pshe check\` until it reports no problems.\n`,
  );
  return 0;
}
