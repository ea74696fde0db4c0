import { nameGlyphProblem } from '../lesson/name-glyphs.ts';
import { characterNameProblem, normaliseName } from '../lesson/characters.ts';
import type { CharacterRenames } from '../lesson/rename.ts';
import { UsageError } from './flags.ts';

/** A value as a message shows it: cut short, so a pasted page does not fill the terminal. */
const shown = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * The renames of `--rename OLD=NEW` (given any number of times), checked as a
 * teacher would want before anything is loaded: each pair is two names
 * (`characterNameProblem`, the rule `characters` follows too) that differ, no
 * character is renamed twice, no two get the same new name, and the PDFs'
 * fonts can draw every new name. Anything else is a UsageError (exit 2).
 */
export function renamesFromFlags(values: readonly string[] | undefined): CharacterRenames {
  const renames: Record<string, string> = Object.create(null) as Record<string, string>;
  const byOld = new Map<string, string>();
  const byNew = new Map<string, string>();
  for (const value of values ?? []) {
    const at = value.indexOf('=');
    if (at < 0) {
      throw new UsageError(
        `\`--rename ${shown(value)}\` needs the old name and the new one: --rename OLD=NEW, such as --rename Jay=Alex.`,
      );
    }
    const from = value.slice(0, at).trim();
    const to = value.slice(at + 1).trim();
    for (const [side, name] of [
      ['old', from],
      ['new', to],
    ] as const) {
      const problem = characterNameProblem(name);
      if (problem) {
        throw new UsageError(`\`--rename ${shown(value)}\`: the ${side} name "${shown(name)}" ${problem}.`);
      }
    }
    const oldKey = normaliseName(from);
    const newKey = normaliseName(to);
    if (oldKey === newKey) throw new UsageError(`\`--rename ${shown(value)}\` gives ${from} the name they have.`);
    const before = byOld.get(oldKey);
    if (before !== undefined) {
      throw new UsageError(
        `${from} is renamed twice (--rename ${shown(before)} and --rename ${shown(value)}): give each character one new name.`,
      );
    }
    const taken = byNew.get(newKey);
    if (taken !== undefined) {
      throw new UsageError(
        `Two characters would both be called ${to} (--rename ${shown(taken)} and --rename ${shown(value)}): give each its own name.`,
      );
    }
    const unprintable = nameGlyphProblem(to);
    if (unprintable) throw new UsageError(`\`--rename ${shown(value)}\`: ${unprintable}.`);
    byOld.set(oldKey, value);
    byNew.set(newKey, value);
    renames[from] = to;
  }
  return { ...renames };
}

/**
 * A line for the build's summary: which renames changed which lessons, and
 * which changed none (a misspelt name renames nothing, silently otherwise).
 */
export function renameSummary(
  renames: CharacterRenames,
  lessons: readonly { renames?: readonly Readonly<Record<string, string>>[] }[],
): string {
  const from = Object.keys(renames);
  if (from.length === 0) return '';
  const counts = new Map(from.map((name) => [name, 0]));
  for (const lesson of lessons) {
    for (const name of new Set((lesson.renames ?? []).flatMap((set) => Object.keys(set)))) {
      if (counts.has(name)) counts.set(name, counts.get(name)! + 1);
    }
  }
  const done = from.filter((name) => counts.get(name)! > 0);
  const unused = from.filter((name) => counts.get(name) === 0);
  const parts = done.map((name) => {
    const count = counts.get(name)!;
    return `${name} → ${renames[name]} in ${count} ${count === 1 ? 'lesson' : 'lessons'}`;
  });
  const shownNames = (names: string[]) =>
    names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
  const lines: string[] = [];
  if (parts.length)
    lines.push(
      `Renamed: ${parts.length > 5 ? `${parts.slice(0, 5).join('; ')}; and ${parts.length - 5} more` : parts.join('; ')}.`,
    );
  if (unused.length)
    lines.push(
      `No lesson was changed by renaming ${shownNames(unused)}: only a lesson's characters (its scenarios' names and \`characters\`) are renamed, and never to the name of another of its characters. Check the spelling (names are matched as written, capital first).`,
    );
  return lines.map((line) => `${line}\n`).join('');
}
