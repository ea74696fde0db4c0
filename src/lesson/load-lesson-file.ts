import path from 'node:path';
import { lessonImageScope, readLibraryImage } from '../library-file.ts';
import { checkSignpostRefs } from './checks/library-checks.ts';
import type { LessonFacts } from './checks/library-checks.ts';
import { checkLesson } from './checks/lesson-checks.ts';
import type { TerminologyEntry } from './checks/terminology.ts';
import { capDiagnostics, diagnostic } from './diagnostic.ts';
import { limits } from '../limits.ts';
import { loadDocument } from './load-document.ts';
import { display, read } from './read-file.ts';
import { SLUG } from './schema.ts';
import type { Diagnostic, Lesson } from './types.ts';
import { positionAt, positionsOf } from './yaml-source.ts';
import type { CharacterRenames } from './rename.ts';

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

/**
 * Every image a lesson shows, through the one gate for library files
 * (`src/library-file.ts`): each refusal is an error at the image, and at most
 * `limits.imageUses` uses are allowed. Returns the real paths of the files
 * read (`lesson.images`, for cache keys) and, for the model cache, each file
 * the result depends on and whether it existed.
 */
function checkImages(
  lessonFile: string,
  used: readonly { url: string; at: { line: number; column: number } }[],
  shown: string,
  diagnostics: Diagnostic[],
): { assets: { file: string; exists: boolean }[]; images: string[] } {
  const scope = lessonImageScope(path.dirname(lessonFile));
  const assets: { file: string; exists: boolean }[] = [];
  const images = new Set<string>();
  const seen = new Map<string, ReturnType<typeof readLibraryImage>>();
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
      found = readLibraryImage(scope, image.url);
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

/**
 * Load one lesson file: YAML, schema, markdown, and the rules of one lesson
 * (including its signpost ids and image files). Pure apart from reading the
 * file, so it can run in a worker thread. Rules that need a renderer (a slide
 * that holds too much) are the check stage's (src/check), run on the result.
 */
export function loadLessonFile(
  job: LessonJob,
  context: LessonContext,
  /** The file's bytes, when the caller has read them already (the model cache). */
  known?: Uint8Array,
): LessonResult {
  const name = path.basename(job.file);
  const fallbackId = name.replace(/\.ya?ml$/, '');
  const shown = display(job.file);
  const failed = (diagnostics: Diagnostic[], id = fallbackId): LessonResult => ({
    job,
    facts: { id, unit: job.unit, file: shown, idAt: { line: 1, column: 1 }, signposts: [] },
    diagnostics,
  });
  const { bytes, diagnostics: readProblems } = known ? { bytes: known, diagnostics: [] } : read(job.file);
  if (!bytes) return failed(readProblems);
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
  const { assets, images } = checkImages(job.file, loaded.fields.images, source.file, diagnostics);
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
