import type { Loader, LoaderContext } from 'astro/loaders';
import { problemLine } from '../lesson/diagnostic-text.ts';
import type { LoadResult } from '../lesson/load-library.ts';
import { stripPositions } from '../lesson/strip-positions.ts';
import type { LessonEntry, SchoolEntry, SignpostEntry, UnitEntry } from './collections.ts';
import { librarySource } from './library-source.ts';
import type { LibrarySource } from './library-source.ts';

/**
 * Content Layer loaders for the lesson library (Astro's loader shape: a factory
 * returning `{ name, load }`). Every collection reads the same {@link LibrarySource}
 * (the one `pshe build` or `pshe dev` chose, `library-source.ts`), so the library
 * is loaded by `src/lesson` once per pass and never parsed again.
 *
 * The store holds a small index entry per lesson (id, title, unit, audience,
 * file); the models themselves (each Lesson with its mdast) are handed to the
 * pages in-process by the library source, since Astro bundles its whole data
 * store into the server build. Pages render HTML from the models with
 * `src/html` (mdast-util-to-hast → hast-util-sanitize → rehype-stringify). We
 * keep models rather than HTML because each lesson has two views (teacher,
 * pupil) and signposts that depend on the school profile: rendering at page
 * time keeps one source of truth.
 */

/** One entry to store: its id, its data (as its collection's schema has it), and what its digest is computed from. */
interface Item<Data extends Record<string, unknown>> {
  id: string;
  data: Data;
  digestOf: string | Data;
  filePath?: string;
}

/** Thrown when the site would be empty: a build must never ship a library with no lessons. */
export class EmptyLibraryError extends Error {
  override name = 'EmptyLibraryError';
}

function logDiagnostics(result: LoadResult, context: LoaderContext) {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const warnings = result.diagnostics.length - errors.length;
  for (const d of errors) context.logger.error(problemLine(d));
  const skipped = new Set(errors.map((d) => d.file)).size;
  if (errors.length > 0) {
    context.logger.warn(`${skipped} file(s) with errors were left out of the site. Run \`pshe check\` for details.`);
  }
  if (warnings > 0) context.logger.info(`${warnings} warning(s); run \`pshe check\` to see them.`);
}

/**
 * Put `items` into the store: unchanged digests are skipped, changed ones are
 * checked against the collection's schema (`parseData`) first, and entries not
 * seen on this pass are deleted, so a removed or broken lesson leaves the site.
 */
async function syncItems(items: Item<Record<string, unknown>>[], context: LoaderContext) {
  const untouched = new Set(context.store.keys());
  for (const item of items) {
    untouched.delete(item.id);
    const digest = context.generateDigest(item.digestOf);
    if (context.store.get(item.id)?.digest === digest) continue;
    const data = await context.parseData({ id: item.id, data: item.data });
    context.store.set({ id: item.id, data, digest, filePath: item.filePath });
  }
  for (const id of untouched) context.store.delete(id);
}

/**
 * A loader for one part of the library. `sync` is the one function for the first
 * pass and for watch events in `astro dev` (Astro's glob loader does the same).
 */
function libraryLoader<Data extends Record<string, unknown>>(
  name: string,
  given: LibrarySource | undefined,
  pick: (result: LoadResult, source: LibrarySource) => Item<Data>[],
  check?: (result: LoadResult, source: LibrarySource, context: LoaderContext) => void,
): Loader {
  return {
    name,
    load: async (context) => {
      // Asked at load time, not when content.config.ts is read: the source is the build's or dev server's.
      const source = given ?? librarySource();
      const sync = async (result: LoadResult) => {
        check?.(result, source, context);
        await syncItems(pick(result, source), context);
      };
      await sync(await source.current());
      if (context.watcher) {
        source.subscribe(context.collection, async (result) => {
          try {
            await sync(result);
            context.logger.info(`Reloaded ${context.collection} from ${source.dir}`);
          } catch (error) {
            // An edit must never take the dev server down (Astro's glob loader does the same).
            context.logger.error(`Failed to reload ${context.collection}: ${(error as Error).message}`);
          }
        });
        source.watch(context.watcher, (error) => context.logger.error(`Failed to reload the library: ${error}`));
      }
    },
  };
}

/**
 * The `lessons` collection: one index entry per lesson that loaded without
 * errors (its id, title, unit, audience and file), its digest that of the YAML
 * text, and the models published for the pages (`library-source.ts`). Lessons
 * with errors are skipped and their diagnostics logged as `file:line:column`.
 * Throws {@link EmptyLibraryError} when no lesson is left.
 *
 * Every loader reads the library source that is current when Astro calls
 * `load`; tests pass one of their own.
 */
export function lessonLoader(source?: LibrarySource): Loader {
  return libraryLoader<LessonEntry>(
    'pshe-lessons',
    source,
    (result, from) => {
      from.publishLessons(result.library.lessons);
      return result.library.lessons.map((lesson) => ({
        id: lesson.id,
        data: { id: lesson.id, title: lesson.title, unit: lesson.unit, audience: lesson.audience, file: lesson.file },
        digestOf: lesson.yamlSource,
        filePath: lesson.file,
      }));
    },
    (result, source, context) => {
      logDiagnostics(result, context);
      if (result.library.lessons.length === 0) {
        throw new EmptyLibraryError(
          `No lessons could be loaded from ${source.dir}, so there is no site to build. ` +
            'Check that --lessons (PSHE_LESSONS for the plain `astro` command) names a library folder, and run `pshe check` to see why lessons were left out.',
        );
      }
    },
  );
}

/** The `units` collection: each unit's title, summary, key stage and lesson order. */
export function unitLoader(source?: LibrarySource): Loader {
  return libraryLoader<UnitEntry>('pshe-units', source, (result) =>
    result.library.units.map((unit) => {
      const data = stripPositions(unit);
      return { id: unit.id, data, digestOf: data, filePath: unit.file };
    }),
  );
}

/** The `signposts` collection: the library's help services (signposts.yaml), with their order in that file. */
export function signpostLoader(source?: LibrarySource): Loader {
  return libraryLoader<SignpostEntry>('pshe-signposts', source, (result) =>
    result.library.signposts.map((service, order) => {
      const data = { ...service, order };
      return { id: service.id, data, digestOf: data };
    }),
  );
}

/**
 * The `school` collection: always one entry, `profile`, so pages never meet an
 * empty collection; its `school` is absent when the library has no school profile.
 */
export function schoolLoader(source?: LibrarySource): Loader {
  return libraryLoader<SchoolEntry>('pshe-school', source, (result) => {
    const school = result.library.school;
    const data: SchoolEntry = school ? { school: stripPositions(school) } : {};
    return [{ id: 'profile', data, digestOf: data }];
  });
}
