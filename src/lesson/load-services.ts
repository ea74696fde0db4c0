import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkLibraryFile, readLibraryImage } from '../library-file.ts';
import { checkStaleSignposts } from './checks/library-checks.ts';
import { checkServiceSourceNotes } from './checks/source-notes.ts';
import { diagnostic } from './diagnostic.ts';
import { loadDocument } from './load-document.ts';
import { checkServiceUrls } from './checks/service-urls.ts';
import { readSchoolProfile } from './school-profile.ts';
import { display, read } from './read-file.ts';
import type { Diagnostic, School, Signpost } from './types.ts';
import { positionAt } from './yaml-source.ts';

/**
 * A library's own file (signposts.yaml, school.yaml) that is a link to a file
 * outside the library is refused unread, like a lesson file: its values would
 * reach the site and the terminal. True when it was refused.
 */
function refusedOutside(file: string, library: string, diagnostics: Diagnostic[]): boolean {
  if (!existsSync(file)) return false;
  const { problem } = checkLibraryFile(file, library);
  if (!problem) return false;
  diagnostics.push(diagnostic(problem.ruleId, display(file), { line: 1, column: 1 }, problem.message));
  return true;
}

/** Load DIR/signposts.yaml: services, duplicate ids, https addresses and stale dates. */
export function loadSignposts(dir: string, today: string, diagnostics: Diagnostic[]): Signpost[] {
  const file = path.join(dir, 'signposts.yaml');
  if (refusedOutside(file, dir, diagnostics)) return [];
  const { bytes, diagnostics: readProblems } = read(file);
  diagnostics.push(...readProblems);
  if (!bytes) return [];
  const loaded = loadDocument('signposts', display(file), bytes);
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.data || !loaded.source) return [];
  const source = loaded.source;
  const services = loaded.data;
  const verifiedOnAt = services.map((_, index) => positionAt(source, [index, 'verifiedOn']));
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
  });
  checkServiceUrls(source, services, [], diagnostics);
  diagnostics.push(...checkServiceSourceNotes(services, source));
  diagnostics.push(...checkStaleSignposts(source.file, services, verifiedOnAt, today));
  return services;
}

/** Load a school profile. */
export function loadSchool(
  file: string,
  diagnostics: Diagnostic[],
  /** The library folder, when the profile is the library's own `school.yaml` (not `--school FILE`). */
  library?: string,
): School | undefined {
  if (library && refusedOutside(file, library, diagnostics)) return undefined;
  const { bytes, diagnostics: readProblems } = read(file);
  diagnostics.push(...readProblems);
  if (!bytes) return undefined;
  const loaded = readSchoolProfile(display(file), bytes);
  diagnostics.push(...loaded.diagnostics);
  const school = loaded.data;
  if (school?.logo && loaded.source) {
    // The logo is named relative to the profile and must stay in its folder (links followed); the
    // model holds its real path, for the renderers, which read it through the same gate.
    const folder = path.dirname(path.resolve(file));
    const { image, problem } = readLibraryImage({ base: folder, root: folder, kind: 'logo' }, school.logo);
    if (image) school.logo = image.file;
    else {
      const missing = problem.ruleId === 'image-not-found';
      diagnostics.push(
        diagnostic(
          problem.ruleId,
          loaded.source.file,
          positionAt(loaded.source, ['logo']),
          missing
            ? `${problem.reason}. Put the school's logo, a PNG or JPEG file, next to ${path.basename(file)} and give its file name.`
            : problem.message,
        ),
      );
    }
  }
  return school;
}
