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

/**
 * Load a library folder: help services, school profile, units and lessons,
 * each validated and every markdown field parsed once. Problems come back as
 * diagnostics; only a missing folder throws ({@link LibraryError}).
 */
export function loadLibrary(dir: string, options: LoadOptions = {}): LoadResult {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new LibraryError(`The lessons folder ${dir} does not exist. Pass a library folder with --lessons DIR.`);
  }
  const diagnostics: Diagnostic[] = [];
  const library: Library = { dir, lessons: [], units: [], signposts: [] };
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
    return { library, diagnostics };
  }
  library.signposts = loadSignposts(dir, today, diagnostics);
  const knownSignposts = library.signposts.map((service) => service.id);
  const schoolFile = options.school ?? path.join(dir, 'school.yaml');
  if (options.school || existsSync(schoolFile)) library.school = loadSchool(schoolFile, diagnostics);
  if (library.school?.localServices) knownSignposts.push(...library.school.localServices.map((service) => service.id));

  const allFacts: LessonFacts[] = [];
  for (const unitId of listUnitFolders(dir)) {
    const unitDir = path.join(dir, unitId);
    const unitFile = path.join(unitDir, 'unit.yaml');
    const lessonFiles = readdirSync(unitDir)
      .filter((name) => /\.ya?ml$/.test(name) && name !== 'unit.yaml')
      .sort();
    const unitFacts: LessonFacts[] = [];
    for (const name of lessonFiles) {
      const file = path.join(unitDir, name);
      const { bytes, diagnostics: readProblems } = read(file);
      diagnostics.push(...readProblems);
      if (!bytes) continue;
      const loaded = loadDocument('lesson', display(file), bytes);
      diagnostics.push(...loaded.diagnostics);
      if (!loaded.data || !loaded.source || !loaded.fields) {
        // The file failed to load, but it still holds its id: record it so the
        // unit check does not add a second, misleading "missing lesson" error.
        const raw = (loaded.source?.data as { id?: unknown } | undefined)?.id;
        const id = typeof raw === 'string' ? raw : name.replace(/\.ya?ml$/, '');
        const facts = { id, unit: unitId, file: display(file), idAt: { line: 1, column: 1 }, signposts: [] };
        unitFacts.push(facts);
        allFacts.push(facts);
        continue;
      }
      const source = loaded.source;
      const id = loaded.data.id ?? name.replace(/\.ya?ml$/, '');
      const idAt = loaded.data.id ? positionAt(source, ['id']) : { line: 1, column: 1 };
      const own: typeof diagnostics = [];
      if (!SLUG.test(id)) {
        own.push(
          diagnostic(
            'lesson-id-invalid',
            source.file,
            idAt,
            `The file name gives the id \`${id}\`, which is not lower case with hyphens. Rename the file (such as getting-help.yaml) or set \`id\`.`,
          ),
        );
      } else if (id === 'units') {
        own.push(
          diagnostic(
            'lesson-id-reserved',
            source.file,
            idAt,
            'The id `units` is reserved for unit packs. Rename the lesson.',
          ),
        );
      }
      const refs = [
        ...(loaded.data.signposts ?? []).map((ref, index) => ({
          id: ref,
          at: positionAt(source, ['signposts', index]),
        })),
        ...loaded.fields.signposts,
      ];
      const facts: LessonFacts = { id, unit: unitId, file: source.file, idAt, signposts: refs };
      own.push(...checkLesson({ lesson: loaded.data, source, today }));
      own.push(...checkSignpostRefs(facts, knownSignposts));
      for (const image of loaded.fields.images) {
        if (!existsSync(path.join(unitDir, decodeURI(image.url)))) {
          own.push(
            diagnostic(
              'image-not-found',
              source.file,
              image.at,
              `Image file \`${image.url}\` was not found next to the lesson.`,
            ),
          );
        }
      }
      diagnostics.push(...own);
      unitFacts.push(facts);
      allFacts.push(facts);
      if (!loaded.diagnostics.concat(own).some((d) => d.severity === 'error')) {
        library.lessons.push({
          ...loaded.data,
          id,
          unit: unitId,
          file: source.file,
          yamlSource: source.text,
        } as Lesson);
      }
    }
    if (!existsSync(unitFile)) {
      diagnostics.push(
        diagnostic(
          'unit-file-missing',
          display(unitFile),
          { line: 1, column: 1 },
          `The folder ${unitId} has no unit.yaml. Add one with a title and the lessons in order.`,
        ),
      );
      continue;
    }
    const { bytes, diagnostics: readProblems } = read(unitFile);
    diagnostics.push(...readProblems);
    if (!bytes) continue;
    const unit = loadDocument('unit', display(unitFile), bytes);
    diagnostics.push(...unit.diagnostics);
    if (!unit.data || !unit.source) continue;
    const unitSource = unit.source;
    const facts: UnitFacts = {
      id: unitId,
      file: unitSource.file,
      lessons: unit.data.lessons.map((lessonId, index) => ({
        id: lessonId,
        at: positionAt(unitSource, ['lessons', index]),
      })),
    };
    diagnostics.push(...checkUnitMembership(facts, unitFacts));
    library.units.push({ ...unit.data, id: unitId, file: unitSource.file } as Unit);
  }
  diagnostics.push(...checkDuplicateLessonIds(allFacts));
  if (allFacts.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(
      diagnostic(
        'library-empty',
        display(path.join(dir, 'signposts.yaml')),
        { line: 1, column: 1 },
        'The library has no lessons. Add a unit folder with a unit.yaml and lesson files, or run `pshe new <unit>/<id>`.',
      ),
    );
  }
  return { library, diagnostics: sortDiagnostics(diagnostics) };
}
