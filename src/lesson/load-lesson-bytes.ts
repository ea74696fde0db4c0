import { checkSignpostRefs } from './checks/library-checks.ts';
import type { LessonFacts } from './checks/library-checks.ts';
import { checkLesson } from './checks/lesson-checks.ts';
import { capDiagnostics, diagnostic } from './diagnostic.ts';
import { limits } from '../limits.ts';
import type { CharacterRenames } from './rename.ts';
import type { TerminologyEntry } from './checks/terminology.ts';
import { loadDocument } from './load-document.ts';
import { SLUG } from './schema.ts';
import type { Diagnostic, Lesson } from './types.ts';
import type { FileProblem } from '../image-check.ts';
import { positionAt, positionsOf } from './yaml-source.ts';

/** One lesson file to load, with what it needs to know about the library. */
export interface LessonJob {
  file: string;
  unit: string;
}

export interface LessonContext {
  knownSignposts: string[];
  today: string;
  /** Terms the library's own `terminology.yaml` adds to the built-in list (`safeguarding-terminology`). */
  terminology?: TerminologyEntry[];
  /** Use the model cache (`model-cache.ts`): `read: false` loads every lesson and refreshes the cache. */
  modelCache?: { read: boolean };
  /**
   * Characters to rename in every lesson that loads (`pshe build --rename`),
   * applied by `loadLesson` after the lesson is loaded and checked as written:
   * the context travels to the pool's workers, so every thread's models are
   * renamed once, where they are made.
   */
  renames?: CharacterRenames;
}

export interface LessonResult {
  job: LessonJob;
  /** Present when the lesson loaded without an error. */
  lesson?: Lesson;
  facts: LessonFacts;
  diagnostics: Diagnostic[];
  /** Files besides the lesson that its result depends on (its images), and whether each existed. */
  assets?: { file: string; exists: boolean }[];
}

/** A lesson's file as it is shown (`lessons/unit/x.yaml`), its name (`x.yaml`) and its bytes. */
export interface LessonBytes {
  name: string;
  shown: string;
  bytes: Uint8Array;
}

/**
 * What a lesson's image is, by its address: the file it names (its real path in Node, for caches), or
 * why it is refused. In Node, the library's gate (`readLibraryImage`); in the browser's editor, what
 * the site published of the lesson's images.
 */
export type LessonImageCheck = (
  url: string,
) => { image: { file: string }; problem?: undefined } | { image?: undefined; problem: FileProblem };

/**
 * Every image a lesson shows, through `check` (in Node the one gate for
 * library files, `src/library-file.ts`): each refusal is an error at the image, and at most
 * `limits.imageUses` uses are allowed. Returns the real paths of the files
 * read (`lesson.images`, for cache keys) and, for the model cache, each file
 * the result depends on and whether it existed.
 */
function checkImages(
  used: readonly { url: string; at: { line: number; column: number } }[],
  shown: string,
  diagnostics: Diagnostic[],
  check: LessonImageCheck,
): { assets: { file: string; exists: boolean }[]; images: string[] } {
  const assets: { file: string; exists: boolean }[] = [];
  const images = new Set<string>();
  const seen = new Map<string, ReturnType<LessonImageCheck>>();
  for (const [index, image] of used.entries()) {
    if (index === limits.imageUses.value) {
      diagnostics.push(
        diagnostic(
          'image-too-many',
          shown,
          image.at,
          `This is image ${index + 1} in the lesson; a lesson may show at most ${limits.imageUses.value} images (each use counts). Remove some, or split the lesson.`,
        ),
      );
      break;
    }
    let found = seen.get(image.url);
    if (!found) {
      found = check(image.url);
      seen.set(image.url, found);
      if (found.image) {
        images.add(found.image.file);
        assets.push({ file: found.image.file, exists: true });
      } else if (found.problem.file) {
        // Inside the library but refused (too large, not a file) or not a PNG or JPEG: caches watch it, so
        // a smaller copy saved over it is checked again. What a format problem holds is the renderers' to
        // judge (they describe it instead). Caches stamp a file too large or not regular by its stat alone.
        if (found.problem.format) images.add(found.problem.file);
        assets.push({ file: found.problem.file, exists: true });
      } else if (found.problem.missing) {
        // Loaded again once it appears. A file outside the library is never recorded: caches must not read it.
        assets.push({ file: found.problem.missing, exists: false });
      }
    }
    if (found.problem && !found.problem.format) {
      diagnostics.push(diagnostic(found.problem.ruleId, shown, image.at, found.problem.message));
    }
  }
  return { assets, images: [...images] };
}

/** The result for a lesson that did not load: its id (from its name, unless given) and its problems. */
export function failedLesson(
  job: LessonJob,
  file: Pick<LessonBytes, 'name' | 'shown'>,
  diagnostics: Diagnostic[],
  id = file.name.replace(/\.ya?ml$/, ''),
): LessonResult {
  return {
    job,
    facts: { id, unit: job.unit, file: file.shown, idAt: { line: 1, column: 1 }, signposts: [] },
    diagnostics,
  };
}

/**
 * Load one lesson from its bytes: YAML, schema, markdown, and the rules of one
 * lesson (including its signpost ids and, through `checkImages`, its image
 * files). No file system: `pshe check` and `pshe build` come here through
 * `loadLessonFile`, the browser's editor directly. Rules that need a renderer
 * (a slide that holds too much) are the check stage's (src/check), run on the result.
 */
export function loadLessonBytes(
  job: LessonJob,
  file: LessonBytes,
  context: LessonContext,
  checkImage: LessonImageCheck,
): LessonResult {
  const { shown, bytes } = file;
  const fallbackId = file.name.replace(/\.ya?ml$/, '');
  const failed = (diagnostics: Diagnostic[], id = fallbackId) => failedLesson(job, file, diagnostics, id);
  const loaded = loadDocument('lesson', shown, bytes);
  if (!loaded.data || !loaded.source || !loaded.fields) {
    // The file failed to load, but it still holds its id: record it so the
    // unit check does not add a second, misleading "missing lesson" error.
    const raw = (loaded.source?.data as { id?: unknown } | undefined)?.id;
    return failed(loaded.diagnostics, typeof raw === 'string' ? raw : fallbackId);
  }
  const source = loaded.source;
  const id = loaded.data.id ?? fallbackId;
  const idAt = loaded.data.id ? positionAt(source, ['id']) : { line: 1, column: 1 };
  const diagnostics = [...loaded.diagnostics];
  if (!SLUG.test(id)) {
    diagnostics.push(
      diagnostic(
        'lesson-id-invalid',
        source.file,
        idAt,
        `The file name gives the id \`${id}\`, which is not lower case with hyphens. Rename the file (such as getting-help.yaml) or set \`id\`.`,
      ),
    );
  } else if (id.length > limits.idLength.value) {
    diagnostics.push(
      diagnostic(
        'lesson-id-invalid',
        source.file,
        idAt,
        `The id \`${id.slice(0, 40)}…\` is ${id.length} characters long; ids may be at most ${limits.idLength.value}, since they name the lesson's files. Shorten the file name or \`id\`.`,
      ),
    );
  } else if (id === 'units') {
    diagnostics.push(
      diagnostic(
        'lesson-id-reserved',
        source.file,
        idAt,
        'The id `units` is reserved for unit packs. Rename the lesson.',
      ),
    );
  }
  const refs = [
    ...(loaded.data.signposts ?? []).map((ref, index) => ({ id: ref, at: positionAt(source, ['signposts', index]) })),
    ...loaded.fields.signposts,
  ];
  const facts: LessonFacts = { id, unit: job.unit, file: source.file, idAt, signposts: refs };
  diagnostics.push(
    ...checkLesson({ lesson: loaded.data, source, today: context.today, terminology: context.terminology }),
  );
  diagnostics.push(...checkSignpostRefs(facts, context.knownSignposts));
  const { assets, images } = checkImages(loaded.fields.images, source.file, diagnostics, checkImage);
  const ok = !diagnostics.some((d) => d.severity === 'error');
  const lesson = ok
    ? ({
        ...loaded.data,
        id,
        unit: job.unit,
        file: source.file,
        yamlSource: source.text,
        positions: positionsOf(source),
        images,
      } as Lesson)
    : undefined;
  return { job, lesson, facts, diagnostics: capDiagnostics(diagnostics), assets };
}
