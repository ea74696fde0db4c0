import { characterNameProblem, normaliseName } from '../lesson/characters.ts';
import { byId } from './dom.ts';
import type { FieldError } from './error-summary.ts';
import { formField } from './form-field.ts';

/**
 * "Your class's names" on `/personalise/`: a "New name for <name>" box for
 * each fictional character of the lesson, or of every lesson of a unit (a
 * name met in several lessons has one box: a Jay in the class means Jay goes
 * from all of them, as `pshe build --rename Jay=Alex` renames the library).
 */

export interface Character {
  name: string;
  /** The titles of the lessons the character is in. */
  lessons: string[];
}

/** The characters of some lessons, each once (by its name, as renaming matches it), in the order met. */
export function charactersOf(lessons: readonly { title: string; characters: readonly string[] }[]): Character[] {
  const byName = new Map<string, Character>();
  for (const lesson of lessons) {
    for (const name of lesson.characters) {
      const key = normaliseName(name);
      const found = byName.get(key) ?? { name, lessons: [] };
      byName.set(key, found);
      if (!found.lessons.includes(lesson.title)) found.lessons.push(lesson.title);
    }
  }
  return [...byName.values()];
}

const inputOf = (index: number) => `character-${index}`;

/** One box per character; for a unit, each says which lessons it changes. */
export function startNames(characters: readonly Character[], unit: boolean) {
  const holder = byId<HTMLDivElement>('characters');
  characters.forEach((character, index) => {
    const lessons = character.lessons.map((title) => `“${title}”`);
    const hint = unit ? `In ${lessons.join(', ').replace(/, ([^,]*)$/, ' and $1')}.` : undefined;
    const { field } = formField(
      inputOf(index),
      { label: `New name for ${character.name}`, hint },
      { hintId: 'characters-hint' },
    );
    holder.append(field);
  });
  byId<HTMLFieldSetElement>('characters-fieldset').hidden = characters.length === 0;
}

/** What is typed in each box, by the character's name (empty boxes left out). */
export function readNames(characters: readonly Character[]): Record<string, string> {
  const names: Record<string, string> = {};
  characters.forEach((character, index) => {
    const typed = byId<HTMLInputElement>(inputOf(index)).value.trim();
    if (typed) names[character.name] = typed;
  });
  return names;
}

export function fillNames(characters: readonly Character[], names: Readonly<Record<string, string>>) {
  characters.forEach((character, index) => {
    byId<HTMLInputElement>(inputOf(index)).value = names[character.name] ?? '';
  });
}

/** The input a character's problems are shown at. */
export const nameInput = (characters: readonly Character[], name: string) =>
  inputOf(characters.findIndex((character) => character.name === name));

/**
 * The new names typed, checked as `pshe build --rename` checks them and as a
 * class needs: a name (letters, spaces, hyphens, apostrophes), and not one
 * another character already has or is given. Problems at their fields.
 */
export function renamesFrom(characters: readonly Character[]): {
  renames: Record<string, string>;
  errors: FieldError[];
} {
  const renames: Record<string, string> = {};
  const errors: FieldError[] = [];
  const taken = new Map(characters.map((character) => [normaliseName(character.name), character.name]));
  characters.forEach(({ name }, index) => {
    const input = inputOf(index);
    const typed = byId<HTMLInputElement>(input).value.trim();
    if (!typed || normaliseName(typed) === normaliseName(name)) return;
    const problem = characterNameProblem(typed);
    const other = taken.get(normaliseName(typed));
    if (problem) errors.push({ input, message: `The new name for ${name} ${problem}` });
    else if (other) errors.push({ input, message: `${other} is already called ${typed}: give ${name} another name` });
    else {
      renames[name] = typed;
      taken.set(normaliseName(typed), name);
    }
  });
  return { renames, errors };
}
