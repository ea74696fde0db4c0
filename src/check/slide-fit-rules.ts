import { capDiagnostics } from '../lesson/diagnostic.ts';
import type { Diagnostic, Lesson, Library } from '../lesson/types.ts';
import { deckWarnings, slideWarnings } from '../slides/slide-warnings.ts';

/** What the rules that lay out slides need of the library besides the lesson: its services and school profile. */
export type CheckLibrary = Pick<Library, 'dir' | 'signposts' | 'school'>;

/**
 * The `slide-too-long` and `deck-too-long` warnings of a lesson that loaded, laid out with the
 * library's services and school (the help slide). No file system: `pshe check` keeps them on disk
 * (slide-fit.ts), the browser's editor lays them out each time.
 */
export function slideFitOf(lesson: Lesson, library: CheckLibrary): Diagnostic[] {
  const alone = { ...library, lessons: [lesson], units: [] };
  return [...slideWarnings(lesson, alone), ...deckWarnings(lesson, alone)];
}

/**
 * `list` (already capped by the loader) with `more` added, capped as if all
 * had been found together: the count of a `diagnostics-truncated` carries
 * over, and it stays at the first problem not shown.
 */
export function addCapped(list: Diagnostic[], more: Diagnostic[]): Diagnostic[] {
  if (more.length === 0) return list;
  const earlier = list.find((item) => item.ruleId === 'diagnostics-truncated');
  const capped = capDiagnostics([...list, ...more]);
  if (!earlier) return capped;
  return capped.map((item) =>
    item.ruleId === 'diagnostics-truncated' ? { ...item, line: earlier.line, column: earlier.column } : item,
  );
}
