import {
  closeSync,
  constants,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScalar, isSeq, parseDocument } from 'yaml';
import { loadDocument } from '../../lesson/load-document.ts';
import { display } from '../../lesson/read-file.ts';
import { readAsset } from '#assets';
import { SLUG } from '../../lesson/schema.ts';
import type { FlagSpec } from '../flags.ts';
import { parseFlags, UsageError } from '../flags.ts';
import { paint, useColour } from '../colour.ts';
import { printable } from '../../lesson/diagnostic-text.ts';
import { formatText } from '../format-text.ts';

export const newFlags: FlagSpec[] = [
  { long: 'lessons', type: 'string', value: 'DIR', description: 'the library folder', default: 'lessons' },
  { long: 'help', type: 'boolean', description: 'show this help' },
];

export const newUsage = 'Usage: pshe new <unit>/<id> [--lessons DIR]';

const templates = fileURLToPath(new URL('../../../templates/', import.meta.url));

function lstatOf(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/** Create `file` with `text`, failing when anything (a file, a link, even a dangling one) is there already. */
function createExclusive(file: string, text: string) {
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/**
 * `pshe new <unit>/<id>`: copy templates/lesson.yaml into the library and add
 * the id to the unit's lesson list (creating the unit when it is new). The
 * copy parses, and `pshe check` flags it until its placeholders are replaced.
 *
 * It writes only inside the library and never through a symbolic link (the
 * unit folder, its unit.yaml and the new lesson must be plain files and
 * folders); it checks unit.yaml before writing anything; and it writes each
 * file whole (a temporary file, then a link or rename), so a failure leaves
 * the library as it was.
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
  const refuse = (message: string) => {
    process.stderr.write(`pshe new: ${printable(message)} Nothing was written.\n`);
    return 2;
  };
  const unitDir = path.join(dir, unit);
  const file = path.join(unitDir, `${id}.yaml`);
  const unitFile = path.join(unitDir, 'unit.yaml');
  const never = 'pshe new writes only inside the library, never through a symbolic link.';

  const unitStat = lstatOf(unitDir);
  if (unitStat?.isSymbolicLink()) return refuse(`${unitDir} is a symbolic link; ${never}`);
  if (unitStat && !unitStat.isDirectory()) return refuse(`${unitDir} is not a folder.`);
  const fileStat = lstatOf(file);
  if (fileStat?.isSymbolicLink()) return refuse(`${file} is a symbolic link; ${never}`);
  if (fileStat) throw new UsageError(`${file} already exists. Choose another id, or edit that file.`);
  const unitFileStat = lstatOf(unitFile);
  if (unitFileStat?.isSymbolicLink()) return refuse(`${unitFile} is a symbolic link; ${never}`);
  if (unitFileStat && !unitFileStat.isFile()) return refuse(`${unitFile} is not a file.`);

  // The unit's new list of lessons, worked out (and unit.yaml checked) before anything is written.
  let unitText: string;
  if (unitFileStat) {
    let bytes: Buffer;
    const fd = openSync(unitFile, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
    const loaded = loadDocument('unit', display(unitFile), bytes);
    if (loaded.diagnostics.some((d) => d.severity === 'error')) {
      process.stdout.write(formatText(loaded.diagnostics, paint(useColour(process.stdout))));
      process.stderr.write(
        `pshe new: fix ${printable(display(unitFile))} first, then run pshe new again. Nothing was written.\n`,
      );
      return 1;
    }
    const doc = parseDocument(bytes.toString('utf8'));
    const lessons = doc.get('lessons');
    if (isSeq(lessons)) {
      if (!lessons.items.some((item) => (isScalar(item) ? item.value : item) === id)) lessons.add(id);
    } else doc.set('lessons', [id]);
    unitText = doc.toString();
  } else {
    const unitTemplate = readFileSync(path.join(templates, 'unit.yaml'), 'utf8');
    unitText = `${unitTemplate.replace('lessons: []', `lessons:\n  - ${id}`).trimEnd()}\n`;
  }
  // The template the editor's "Start a new lesson" publishes too (src/platform/asset-files.ts).
  const lessonText = new TextDecoder().decode(readAsset('templates/lesson.yaml'));

  let createdUnit = false;
  let wroteLesson = false;
  const temporary = (name: string) => path.join(unitDir, `.${name}.pshe-new-${process.pid}`);
  const temporaries = [temporary(`${id}.yaml`), temporary('unit.yaml')];
  try {
    if (!unitStat) {
      mkdirSync(unitDir);
      createdUnit = true;
    }
    // The folder written to must be the library's own (no link swapped in since it was looked at).
    if (realpathSync(unitDir) !== path.join(realpathSync(dir), unit))
      throw new Error(`${unitDir} is not inside the library`);
    createExclusive(temporaries[0], lessonText);
    try {
      // A hard link never replaces anything that is there, link or file.
      linkSync(temporaries[0], file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || lstatOf(file)) throw error;
      renameSync(temporaries[0], file);
    }
    wroteLesson = true;
    rmSync(temporaries[0], { force: true });
    createExclusive(temporaries[1], unitText);
    // A rename replaces unit.yaml itself: were it a link by now, the link, never what it points to.
    renameSync(temporaries[1], unitFile);
  } catch (error) {
    for (const leftover of temporaries) rmSync(leftover, { force: true });
    if (wroteLesson) rmSync(file, { force: true });
    if (createdUnit) rmSync(unitDir, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(`could not write the lesson (${reason}).`);
  }
  process.stdout.write(
    `Wrote ${printable(file)}\nReplace every "TODO:" in it, then run \`pshe check\` until it reports no problems.\n`,
  );
  return 0;
}
