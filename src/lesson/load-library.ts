import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkDuplicateLessonIds, checkUnitMembership } from './checks/library-checks.ts';
import { loadLibraryTerminology } from './checks/library-terminology.ts';
import type { UnitFacts } from './checks/library-checks.ts';
import { diagnostic, sortDiagnostics } from './diagnostic.ts';
import { byName } from './library-order.ts';
import { loadDocument } from './load-document.ts';
import { loadLesson } from './model-cache.ts';
import type { LessonContext, LessonJob, LessonResult } from './load-lesson-file.ts';
import { checkLibraryFile } from '../library-file.ts';
import { loadSchool, loadSignposts } from './load-services.ts';
import { display, read } from './read-file.ts';
import { limits } from '../limits.ts';
import { SLUG } from './schema.ts';
import type { RuleId } from './rules.ts';
import type { Diagnostic, Library, Unit } from './types.ts';
import type { CharacterRenames } from './rename.ts';
import { positionAt } from './yaml-source.ts';

export { loadLessonFile } from './load-lesson-file.ts';
export { loadLesson } from './model-cache.ts';
export type { LessonContext, LessonJob, LessonResult } from './load-lesson-file.ts';

export interface LoadOptions {
  /** A school profile to use instead of `DIR/school.yaml`. */
  school?: string;
  /** The date that date rules compare with, ISO (default: today). */
  today?: string;
  /** Keep loaded lessons in the model cache (`pshe build` and `pshe check` do; `read: false` is --no-cache). */
  modelCache?: { read: boolean };
  /** Characters to rename in every lesson (`pshe build --rename`, `renameCharacters`); names already checked. */
  renames?: CharacterRenames;
}

export interface LoadResult {
  /** The lessons, units and services that loaded without an error. */
  library: Library;
  diagnostics: Diagnostic[];
  /** Files besides the YAML that the result depends on (lessons' images), and whether each existed. */
  assets?: { file: string; exists: boolean }[];
}

/** Thrown when the command cannot run at all (exit status 2), never for content. */
export class LibraryError extends Error {
  override name = 'LibraryError';
}
function listUnitFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .map((entry) => entry.name)
    .sort(byName);
}

/** A library folder read up to its lessons: what every lesson job needs. */
export interface PreparedLibrary {
  dir: string;
  library: Library;
  diagnostics: Diagnostic[];
  context: LessonContext;
  jobs: LessonJob[];
  units: { id: string; dir: string }[];
  /**
   * Lesson files refused before they were read (a link to outside the library,
   * a folder or a pipe named `.yaml`): their results, for {@link finishLibrary}.
   */
  refused: LessonResult[];
  /** False when the folder is not a library; there is nothing more to load. */
  ok: boolean;
}

/** The result of a lesson file the gate refused: one error at 1:1, and the facts of a lesson by that name. */
function refusedLesson(job: LessonJob, problem: { ruleId: RuleId; message: string }): LessonResult {
  const file = display(job.file);
  const id = path.basename(job.file).replace(/\.ya?ml$/, '');
  return {
    job,
    // Its name still counts as a lesson, so the unit check does not add a second, misleading error.
    facts: { id, unit: job.unit, file, idAt: { line: 1, column: 1 }, signposts: [], refused: true },
    diagnostics: [diagnostic(problem.ruleId, file, { line: 1, column: 1 }, problem.message)],
  };
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
    context: {
      knownSignposts: [],
      today,
      ...(options.modelCache ? { modelCache: options.modelCache } : {}),
      ...(options.renames && Object.keys(options.renames).length ? { renames: options.renames } : {}),
    },
    jobs: [],
    units: [],
    refused: [],
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
  if (options.school || existsSync(schoolFile))
    library.school = loadSchool(schoolFile, diagnostics, options.school ? undefined : dir);
  if (library.school?.localServices) knownSignposts.push(...library.school.localServices.map((service) => service.id));
  prepared.context.knownSignposts = knownSignposts;
  // The library's own terms, checked in every lesson; in the context, so the model cache keys on them.
  const terminology = loadLibraryTerminology(dir, diagnostics);
  if (terminology.length) prepared.context.terminology = terminology;
  for (const unitId of listUnitFolders(dir)) {
    const unitDir = path.join(dir, unitId);
    if (!SLUG.test(unitId) || unitId.length > limits.idLength.value) {
      // The folder name is the unit's id, in addresses and file names: its lessons are not loaded.
      diagnostics.push(
        diagnostic(
          'unit-id-invalid',
          display(path.join(unitDir, 'unit.yaml')),
          { line: 1, column: 1 },
          `The unit folder ${JSON.stringify(unitId.length > 60 ? `${unitId.slice(0, 60)}…` : unitId)} is not an id, so its lessons are not loaded. Rename the folder in lower case words joined by hyphens, at most ${limits.idLength.value} characters, such as staying-safe-online.`,
        ),
      );
      continue;
    }
    prepared.units.push({ id: unitId, dir: unitDir });
    for (const name of readdirSync(unitDir)
      .filter((entry) => /\.ya?ml$/.test(entry) && entry !== 'unit.yaml')
      .sort(byName)) {
      const job = { file: path.join(unitDir, name), unit: unitId };
      const { problem } = checkLibraryFile(job.file, dir);
      if (problem) prepared.refused.push(refusedLesson(job, problem));
      else prepared.jobs.push(job);
    }
  }
  prepared.ok = true;
  return prepared;
}

/** Units and the rules across files, once every lesson has been loaded. */
export function finishLibrary(prepared: PreparedLibrary, loaded: readonly LessonResult[]): LoadResult {
  const { library } = prepared;
  const diagnostics = [...prepared.diagnostics];
  if (!prepared.ok) return { library, diagnostics };
  const results = [...loaded, ...prepared.refused];
  const assets = results.flatMap((result) => result.assets ?? []);
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
    const gate = checkLibraryFile(unitFile, prepared.dir);
    if (gate.problem) {
      diagnostics.push(
        diagnostic(gate.problem.ruleId, display(unitFile), { line: 1, column: 1 }, gate.problem.message),
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
  return { library, diagnostics: sortDiagnostics(diagnostics), assets };
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
    prepared.jobs.map((job) => loadLesson(job, prepared.context)),
  );
}
