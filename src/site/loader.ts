import type { Loader, LoaderContext } from 'astro/loaders';
import type { LoadResult } from '../lesson/load-library.ts';
import type { Diagnostic } from '../lesson/types.ts';
import { LibrarySource } from './library-source.ts';
import type { LibrarySourceOptions } from './library-source.ts';
import { stripPositions } from '../lesson/strip-positions.ts';
import { publishLessonModels } from './lesson-models.ts';

/**
 * Content Layer loaders for the lesson library (Astro's loader shape: a factory
 * returning `{ name, load }`). Every collection reads the same {@link LibrarySource},
 * so the library is loaded by `src/lesson` once per pass and never parsed again.
 *
 * The store holds a small index entry per lesson (id, title, unit, audience,
 * file); the models themselves (each Lesson with its mdast) are handed to the
 * pages in-process by `lesson-models.ts`, since Astro bundles its whole data
 * store into the server build. Pages render HTML from the models with
 * `src/html` (mdast-util-to-hast → hast-util-sanitize → rehype-stringify). We
 * keep models rather than HTML because each lesson has two views (teacher,
 * pupil) and signposts that depend on the school profile: rendering at page
 * time keeps one source of truth.
 */

/** One entry to store: its id, its data, and what its digest is computed from. */
interface Item {
  id: string;
  data: Record<string, unknown>;
  digestOf: string | Record<string, unknown>;
  filePath?: string;
}

const sources = new Map<string, LibrarySource>();

/** One source per (folder, school file), shared by every collection that names them. */
function sourceFor(options: LibrarySourceOptions): LibrarySource {
  const probe = new LibrarySource(options);
  const key = `${probe.dir}\0${probe.school ?? ''}`;
  if (!sources.has(key)) sources.set(key, probe);
  return sources.get(key)!;
}

/** Thrown when the site would be empty: a build must never ship a library with no lessons. */
export class EmptyLibraryError extends Error {
  override name = 'EmptyLibraryError';
}

const line = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]`;

function logDiagnostics(result: LoadResult, context: LoaderContext) {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const warnings = result.diagnostics.length - errors.length;
  for (const d of errors) context.logger.error(line(d));
  const skipped = new Set(errors.map((d) => d.file)).size;
  if (errors.length > 0) {
    context.logger.warn(`${skipped} file(s) with errors were left out of the site. Run \`pshe check\` for details.`);
  }
  if (warnings > 0) context.logger.info(`${warnings} warning(s); run \`pshe check\` to see them.`);
}

/**
 * Put `items` into the store: unchanged digests are skipped (`store.set` returns
 * false), and entries not seen on this pass are deleted, so a removed or broken
 * lesson leaves the site.
 */
function syncItems(items: Item[], context: LoaderContext) {
  const untouched = new Set(context.store.keys());
  for (const item of items) {
    untouched.delete(item.id);
    const digest = context.generateDigest(item.digestOf);
    if (context.store.get(item.id)?.digest === digest) continue;
    context.store.set({ id: item.id, data: item.data, digest, filePath: item.filePath });
  }
  for (const id of untouched) context.store.delete(id);
}

/**
 * A loader for one part of the library. `sync` is the one function for the first
 * pass and for watch events in `astro dev` (Astro's glob loader does the same).
 */
function libraryLoader(
  name: string,
  options: LibrarySourceOptions,
  pick: (result: LoadResult) => Item[],
  check?: (result: LoadResult, source: LibrarySource, context: LoaderContext) => void,
): Loader {
  return {
    name,
    load: async (context) => {
      const source = sourceFor(options);
      const sync = async (result: LoadResult) => {
        check?.(result, source, context);
        syncItems(pick(result), context);
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
 * text, and the models published for the pages (`lesson-models.ts`). Lessons
 * with errors are skipped and their diagnostics logged as `file:line:column`.
 * Throws {@link EmptyLibraryError} when no lesson is left.
 */
export function lessonLoader(options: LibrarySourceOptions = {}): Loader {
  return libraryLoader(
    'pshe-lessons',
    options,
    (result) => {
      publishLessonModels(result.library.lessons);
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
            'Check PSHE_LESSONS (or --lessons) points at a library folder, and run `pshe check` to see why lessons were left out.',
        );
      }
    },
  );
}

/** The `units` collection: each unit's title, summary, key stage and lesson order. */
export function unitLoader(options: LibrarySourceOptions = {}): Loader {
  return libraryLoader('pshe-units', options, (result) =>
    result.library.units.map((unit) => {
      const data = stripPositions(unit) as unknown as Record<string, unknown>;
      return { id: unit.id, data, digestOf: data, filePath: unit.file };
    }),
  );
}

/** The `signposts` collection: the library's help services (signposts.yaml), in file order. */
export function signpostLoader(options: LibrarySourceOptions = {}): Loader {
  return libraryLoader('pshe-signposts', options, (result) =>
    result.library.signposts.map((service, index) => {
      const data = { ...service, order: index } as Record<string, unknown>;
      return { id: service.id, data, digestOf: data };
    }),
  );
}

/**
 * The `school` collection: always one entry, `profile`, so pages never meet an
 * empty collection; `data.present` is false when the library has no school profile.
 */
export function schoolLoader(options: LibrarySourceOptions = {}): Loader {
  return libraryLoader('pshe-school', options, (result) => {
    const school = result.library.school;
    const data = school
      ? { present: true, ...(stripPositions(school) as unknown as Record<string, unknown>) }
      : { present: false };
    return [{ id: 'profile', data, digestOf: data }];
  });
}
