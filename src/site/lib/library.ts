import { getCollection } from 'astro:content';
import type { Lesson, Library, School, Signpost, Unit } from '../../lesson/types.ts';
import { lessonModel } from '../library-source.ts';

/**
 * The site's collections as the `Library` shape that `src/html` and
 * `src/slides` take. Entries are typed by the collections' schemas
 * (`collections.ts`); lesson models come from the library source.
 */

/** `getStaticPaths` of every per-lesson page (teacher view, handout, slides): one page per lesson. */
export async function lessonPaths() {
  const lessons = await getLessons();
  return lessons.map((lesson) => ({ params: { id: lesson.id }, props: { lesson } }));
}

/** `getStaticPaths` of every per-unit page (overview, approval): one page per unit. */
export async function unitPaths() {
  const units = await getUnits();
  return units.map((unit) => ({ params: { unit: unit.id }, props: { unit } }));
}

/** A unit's lessons in its own order (unit.yaml's `lessons`), those that loaded. */
export function lessonsOfUnit(unit: Unit, lessons: readonly Lesson[]): Lesson[] {
  let byId = lessonsById.get(lessons);
  if (!byId) {
    byId = new Map();
    for (const lesson of lessons) byId.set(lesson.id, [...(byId.get(lesson.id) ?? []), lesson]);
    lessonsById.set(lessons, byId);
  }
  return unit.lessons.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Each list of lessons by id, made once: every unit page, approval sheet and
 * unit file looks its lessons up (filtering the whole list for each of a
 * unit's lessons took a second of a 1,000-lesson site's build).
 */
const lessonsById = new WeakMap<readonly Lesson[], Map<string, Lesson[]>>();

/** Every lesson, in unit order (as each unit.yaml lists them), then by id. */
export async function getLessons(): Promise<Lesson[]> {
  const [entries, units] = await Promise.all([getCollection('lessons'), getUnits()]);
  const order = new Map<string, number>();
  units.forEach((unit, u) => unit.lessons.forEach((id, i) => order.set(id, u * 1000 + i)));
  return entries
    .map((entry) => lessonModel(entry.id))
    .sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9) || a.id.localeCompare(b.id));
}

/** Every unit, sorted by folder name (the order `pshe check` reads them). */
export async function getUnits(): Promise<Unit[]> {
  const entries = await getCollection('units');
  return entries.map((entry): Unit => entry.data).sort((a, b) => a.id.localeCompare(b.id));
}

/** The help services, in the order of signposts.yaml. */
export async function getSignposts(): Promise<Signpost[]> {
  const entries = await getCollection('signposts');
  return entries
    .map((entry) => entry.data)
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...service }): Signpost => service);
}

/** The school profile, when the library has one. */
export async function getSchool(): Promise<School | undefined> {
  const entries = await getCollection('school');
  return entries[0]?.data.school;
}

let cached: Promise<Library> | undefined;

/**
 * The library as renderers take it. Cached for one build; in `astro dev`
 * every request reads it afresh, so edits show on reload.
 */
export function getLibrary(): Promise<Library> {
  if (import.meta.env.DEV || !cached) {
    cached = Promise.all([getLessons(), getUnits(), getSignposts(), getSchool()]).then(
      ([lessons, units, signposts, school]) => ({ dir: '', lessons, units, signposts, school }),
    );
  }
  return cached;
}
