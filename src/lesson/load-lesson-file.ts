import { existsSync } from 'node:fs';
import path from 'node:path';
import { slideWarnings } from '../slides/slide-warnings.ts';
import { checkSignpostRefs } from './checks/library-checks.ts';
import type { LessonFacts } from './checks/library-checks.ts';
import { checkLesson } from './checks/lesson-checks.ts';
import { diagnostic } from './diagnostic.ts';
import { loadDocument } from './load-document.ts';
import { display, read } from './read-file.ts';
import { SLUG } from './schema.ts';
import type { Diagnostic, Lesson, Library, School, Signpost } from './types.ts';
import { positionAt, positionsOf } from './yaml-source.ts';

/** One lesson file to load, with what it needs to know about the library. */
export interface LessonJob {
  file: string;
  unit: string;
}

export interface LessonContext {
  knownSignposts: string[];
  today: string;
  /** The services and school profile, for rules that measure rendered text (slides). */
  signposts: Signpost[];
  school?: School;
  /** Use the model cache (`model-cache.ts`): `read: false` loads every lesson and refreshes the cache. */
  modelCache?: { read: boolean };
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
 * Load one lesson file: YAML, schema, markdown, and the rules of one lesson
 * (including its signpost ids and image files). Pure apart from reading the
 * file, so it can run in a worker thread.
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
  diagnostics.push(...checkLesson({ lesson: loaded.data, source, today: context.today }));
  diagnostics.push(...checkSignpostRefs(facts, context.knownSignposts));
  const assets: { file: string; exists: boolean }[] = [];
  for (const image of loaded.fields.images) {
    const file = path.resolve(path.dirname(job.file), decodeURI(image.url));
    const exists = existsSync(file);
    assets.push({ file, exists });
    if (!exists) {
      diagnostics.push(
        diagnostic(
          'image-not-found',
          source.file,
          image.at,
          `Image file \`${image.url}\` was not found next to the lesson.`,
        ),
      );
    }
  }
  const ok = !diagnostics.some((d) => d.severity === 'error');
  const lesson = ok
    ? ({
        ...loaded.data,
        id,
        unit: job.unit,
        file: source.file,
        yamlSource: source.text,
        positions: positionsOf(source),
        images: [...new Set(assets.map((asset) => asset.file))],
      } as Lesson)
    : undefined;
  if (lesson) {
    // Slides are split to fit, but an author should hear that a slide holds too much.
    const library: Library = {
      dir: path.dirname(path.dirname(job.file)),
      lessons: [lesson],
      units: [],
      signposts: context.signposts,
      school: context.school,
    };
    diagnostics.push(...slideWarnings(lesson, library));
  }
  return { job, lesson, facts, diagnostics, assets };
}
