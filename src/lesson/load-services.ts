import path from 'node:path';
import { readLessonImage } from '../image-file.ts';
import { checkStaleSignposts } from './checks/library-checks.ts';
import { diagnostic } from './diagnostic.ts';
import { loadDocument } from './load-document.ts';
import { display, read } from './read-file.ts';
import type { Diagnostic, School, Signpost } from './types.ts';
import { positionAt } from './yaml-source.ts';

/** Load DIR/signposts.yaml: services, duplicate ids, https addresses and stale dates. */
export function loadSignposts(dir: string, today: string, diagnostics: Diagnostic[]): Signpost[] {
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

/** Load a school profile. */
export function loadSchool(file: string, diagnostics: Diagnostic[]): School | undefined {
  const { bytes, diagnostics: readProblems } = read(file);
  diagnostics.push(...readProblems);
  if (!bytes) return undefined;
  const loaded = loadDocument('school', display(file), bytes);
  diagnostics.push(...loaded.diagnostics);
  const school = loaded.data;
  if (school?.logo && loaded.source) {
    // The logo is named relative to the profile; the model holds its full path, for the renderers.
    const { image, problem } = readLessonImage(path.dirname(file), school.logo, 'the school profile');
    if (image) school.logo = path.resolve(path.dirname(file), school.logo);
    else {
      diagnostics.push(
        diagnostic(
          'image-not-found',
          loaded.source.file,
          positionAt(loaded.source, ['logo']),
          `${problem}. Put the school's logo, a PNG or JPEG file, next to ${path.basename(file)} and give its file name.`,
        ),
      );
    }
  }
  return school;
}
