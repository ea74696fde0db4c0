import type { Lesson } from '../../lesson/types.ts';

/** One keyword of the glossary, with every definition given and the lessons that use it. */
export interface GlossaryEntry {
  keyword: string;
  /** An id for the entry's anchor. */
  slug: string;
  definitions: { definition: string; lessons: { id: string; title: string }[] }[];
}

const slugify = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Every keyword of every lesson, merged case-insensitively and sorted A–Z.
 * The same definition in two lessons is listed once, with both lessons.
 */
export function glossary(lessons: readonly Lesson[]): GlossaryEntry[] {
  const entries = new Map<string, GlossaryEntry>();
  for (const lesson of lessons) {
    for (const { keyword, definition } of lesson.keywords) {
      const key = keyword.trim().toLowerCase();
      let entry = entries.get(key);
      if (!entry) {
        entry = { keyword: keyword.trim(), slug: slugify(keyword) || 'term', definitions: [] };
        entries.set(key, entry);
      }
      const same = entry.definitions.find((d) => d.definition.trim() === definition.trim());
      if (same) same.lessons.push({ id: lesson.id, title: lesson.title });
      else entry.definitions.push({ definition: definition.trim(), lessons: [{ id: lesson.id, title: lesson.title }] });
    }
  }
  return [...entries.values()].sort((a, b) => a.keyword.localeCompare(b.keyword, 'en-GB', { sensitivity: 'base' }));
}

/** The first letter an entry is filed under: A–Z, or "#" for anything else. */
export function initial(entry: GlossaryEntry): string {
  const letter = entry.keyword.normalize('NFKD').charAt(0).toUpperCase();
  return /[A-Z]/.test(letter) ? letter : '#';
}
