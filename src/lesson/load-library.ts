import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  checkDuplicateLessonIds,
  checkSignpostRefs,
  checkStaleSignposts,
  checkUnitMembership,
} from './checks/library-checks.ts';
import type { LessonFacts, UnitFacts } from './checks/library-checks.ts';
import { checkLesson } from './checks/lesson-checks.ts';
import { diagnostic, sortDiagnostics } from './diagnostic.ts';
import { loadDocument } from './load-document.ts';
import { slideWarnings } from '../slides/slide-warnings.ts';
import { SLUG } from './schema.ts';
import type { Diagnostic, Lesson, Library, School, Signpost, Unit } from './types.ts';
import { positionAt } from './yaml-source.ts';

export interface LoadOptions {
  /** A school profile to use instead of `DIR/school.yaml`. */
  school?: string;
  /** The date that date rules compare with, ISO (default: today). */
  today?: string;
}

export interface LoadResult {
  /** The lessons, units and services that loaded without an error. */
  library: Library;
  diagnostics: Diagnostic[];
}

/** Thrown when the command cannot run at all (exit status 2), never for content. */
export class LibraryError extends Error {
  override name = 'LibraryError';
}

const display = (file: string) => path.relative(process.cwd(), file) || file;

function read(file: string): { bytes?: Uint8Array; diagnostics: Diagnostic[] } {
  try {
    return { bytes: readFileSync(file), diagnostics: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [
        diagnostic('file-unreadable', display(file), { line: 1, column: 1 }, `The file could not be read (${reason}).`),
      ],
    };
  }
}

function loadSignposts(dir: string, today: string, diagnostics: Diagnostic[]): Signpost[] {
  const file = path.join(dir, 'signposts.yaml');
  const { bytes, diagnostics: readProblems } = read(file);
  diagnostics.push(...readProblems);
  if (!bytes) return [];
  const loaded = loadDocument('signposts', display(file), bytes);
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.data || !loaded.source) return [];
  const source = loaded.source;
  const services = loaded.data;
  const positions = services.map((_, index) => positionAt(source, [index]));
  const seen = new Set<string>();
  services.forEach((service, index) => {
    if (seen.has(service.id)) {
      diagnostics.push(
        diagnostic(
          'signpost-duplicate-id',
          source.file,
          positionAt(source, [index, 'id']),
          `Duplicate help service id \`${service.id}\`. Give each service its own id.`,
        ),
      );
    }
    seen.add(service.id);
    if (service.url && !service.url.startsWith('https://')) {
      diagnostics.push(
        diagnostic(
          'link-not-https',
          source.file,
          positionAt(source, [index, 'url']),
          `\`${service.url}\` is not https. Use the service's https:// address.`,
        ),
      );
    }
  });
  diagnostics.push(...checkStaleSignposts(source.file, services, positions, today));
  return services;
}

function loadSchool(file: string, diagnostics: Diagnostic[]): School | undefined {
  const { bytes, diagnostics: readProblems } = read(file);
  diagnostics.push(...readProblems);
  if (!bytes) return undefined;
  const loaded = loadDocument('school', display(file), bytes);
  diagnostics.push(...loaded.diagnostics);
  return loaded.data;
}

function listUnitFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .map((entry) => entry.name)
    .sort();
}

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
}

export interface LessonResult {
  job: LessonJob;
  /** Present when the lesson loaded without an error. */
  lesson?: Lesson;
  facts: LessonFacts;
  diagnostics: Diagnostic[];
}

/**
 * Load one lesson file: YAML, schema, markdown, and the rules of one lesson
 * (including its signpost ids and image files). Pure apart from reading the
 * file, so it can run in a worker thread.
 */
export function loadLessonFile(job: LessonJob, context: LessonContext): LessonResult {
  const name = path.basename(job.file);
  const fallbackId = name.replace(/\.ya?ml$/, '');
  const shown = display(job.file);
  const failed = (diagnostics: Diagnostic[], id = fallbackId): LessonResult => ({
    job,
    facts: { id, unit: job.unit, file: shown, idAt: { line: 1, column: 1 }, signposts: [] },
    diagnostics,
  });
  const { bytes, diagnostics: readProblems } = read(job.file);
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
  for (const image of loaded.fields.images) {
    if (!existsSync(path.join(path.dirname(job.file), decodeURI(image.url)))) {
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
    ? ({ ...loaded.data, id, unit: job.unit, file: source.file, yamlSource: source.text } as Lesson)
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
  return { job, lesson, facts, diagnostics };
}

/** A library folder read up to its lessons: what every lesson job needs. */
export interface PreparedLibrary {
  dir: string;
  library: Library;
  diagnostics: Diagnostic[];
  context: LessonContext;
  jobs: LessonJob[];
  units: { id: string; dir: string }[];
  /** False when the folder is not a library; there is nothing more to load. */
  ok: boolean;
}

/**
 * Read the library's help services and school profile and list its lesson
 * files. Only a missing folder throws ({@link LibraryError}).
 */
export function prepareLibrary(dir: string, options: LoadOptions = {}): PreparedLibrary {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new LibraryError(`The lessons folder ${dir} does not exist. Pass a library folder with --lessons DIR.`);
  }
  const diagnostics: Diagnostic[] = [];
  const library: Library = { dir, lessons: [], units: [], signposts: [] };
  const prepared: PreparedLibrary = {
    dir,
    library,
    diagnostics,
    context: { knownSignposts: [], today, signposts: [] },
    jobs: [],
    units: [],
    ok: false,
  };
  if (!existsSync(path.join(dir, 'signposts.yaml'))) {
    const isUnit = existsSync(path.join(dir, 'unit.yaml'));
    diagnostics.push(
      diagnostic(
        'library-not-found',
        display(path.join(dir, 'signposts.yaml')),
        { line: 1, column: 1 },
        isUnit
          ? `${display(dir)} is a unit folder. Pass the library folder that holds it (the one with signposts.yaml) to --lessons.`
          : `${display(dir)} has no signposts.yaml, so it is not a lesson library. Pass the folder that holds signposts.yaml and the unit folders.`,
      ),
    );
    return prepared;
  }
  library.signposts = loadSignposts(dir, today, diagnostics);
  const knownSignposts = library.signposts.map((service) => service.id);
  const schoolFile = options.school ?? path.join(dir, 'school.yaml');
  if (options.school || existsSync(schoolFile)) library.school = loadSchool(schoolFile, diagnostics);
  if (library.school?.localServices) knownSignposts.push(...library.school.localServices.map((service) => service.id));
  prepared.context.knownSignposts = knownSignposts;
  prepared.context.signposts = library.signposts;
  prepared.context.school = library.school;
  for (const unitId of listUnitFolders(dir)) {
    const unitDir = path.join(dir, unitId);
    prepared.units.push({ id: unitId, dir: unitDir });
    for (const name of readdirSync(unitDir)
      .filter((entry) => /\.ya?ml$/.test(entry) && entry !== 'unit.yaml')
      .sort()) {
      prepared.jobs.push({ file: path.join(unitDir, name), unit: unitId });
    }
  }
  prepared.ok = true;
  return prepared;
}

/** Units and the rules across files, once every lesson has been loaded. */
export function finishLibrary(prepared: PreparedLibrary, results: readonly LessonResult[]): LoadResult {
  const { library } = prepared;
  const diagnostics = [...prepared.diagnostics];
  if (!prepared.ok) return { library, diagnostics };
  for (const result of results) {
    diagnostics.push(...result.diagnostics);
    if (result.lesson) library.lessons.push(result.lesson);
  }
  const allFacts = results.map((result) => result.facts);
  for (const unit of prepared.units) {
    const unitFile = path.join(unit.dir, 'unit.yaml');
    if (!existsSync(unitFile)) {
      diagnostics.push(
        diagnostic(
          'unit-file-missing',
          display(unitFile),
          { line: 1, column: 1 },
          `The folder ${unit.id} has no unit.yaml. Add one with a title and the lessons in order.`,
        ),
      );
      continue;
    }
    const { bytes, diagnostics: readProblems } = read(unitFile);
    diagnostics.push(...readProblems);
    if (!bytes) continue;
    const loaded = loadDocument('unit', display(unitFile), bytes);
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.data || !loaded.source) continue;
    const unitSource = loaded.source;
    const facts: UnitFacts = {
      id: unit.id,
      file: unitSource.file,
      lessons: loaded.data.lessons.map((lessonId, index) => ({
        id: lessonId,
        at: positionAt(unitSource, ['lessons', index]),
      })),
    };
    diagnostics.push(
      ...checkUnitMembership(
        facts,
        allFacts.filter((lesson) => lesson.unit === unit.id),
      ),
    );
    library.units.push({ ...loaded.data, id: unit.id, file: unitSource.file } as Unit);
  }
  diagnostics.push(...checkDuplicateLessonIds(allFacts));
  if (allFacts.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(
      diagnostic(
        'library-empty',
        display(path.join(prepared.dir, 'signposts.yaml')),
        { line: 1, column: 1 },
        'The library has no lessons. Add a unit folder with a unit.yaml and lesson files, or run `pshe new <unit>/<id>`.',
      ),
    );
  }
  return { library, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * Load a library folder: help services, school profile, units and lessons,
 * each validated and every markdown field parsed once. Problems come back as
 * diagnostics; only a missing folder throws ({@link LibraryError}).
 */
export function loadLibrary(dir: string, options: LoadOptions = {}): LoadResult {
  const prepared = prepareLibrary(dir, options);
  return finishLibrary(
    prepared,
    prepared.jobs.map((job) => loadLessonFile(job, prepared.context)),
  );
}
