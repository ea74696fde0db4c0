import { linkProblem } from '../markdown/safety-plugin.ts';
import { checkServiceSourceNotes } from './checks/source-notes.ts';
import { diagnostic } from './diagnostic.ts';
import { loadDocument, type LoadedDocument } from './load-document.ts';
import type { Diagnostic, Signpost } from './types.ts';
import { positionAt } from './yaml-source.ts';
import type { YamlSource } from './yaml-source.ts';

/**
 * Every service's `url` follows the lesson link rules (`linkProblem`, as
 * markdown links): `javascript:` and `data:` are unsafe, anything but https is
 * an error, at the address. `at` is the path to the list of services.
 */
export function checkServiceUrls(
  source: YamlSource,
  services: readonly Signpost[],
  at: (string | number)[],
  diagnostics: Diagnostic[],
): void {
  services.forEach((service, index) => {
    if (service.url === undefined) return;
    const problem = linkProblem(service.url, { quiet: false });
    if (problem) {
      diagnostics.push(
        diagnostic(problem.ruleId, source.file, positionAt(source, [...at, index, 'url']), problem.message),
      );
    }
  });
}

/**
 * A school profile's text, checked as `pshe check` and `pshe build --school`
 * check it: the schema, then its local services' addresses and source notes.
 * No file system (the logo is found beside the file by the loader,
 * load-services.ts), so the browser's `/personalise/` page checks the
 * profile it makes with this very function.
 */
export function readSchoolProfile(file: string, bytes: Uint8Array): LoadedDocument<'school'> {
  const loaded = loadDocument('school', file, bytes);
  const school = loaded.data;
  if (!school || !loaded.source) return loaded;
  const diagnostics = [...loaded.diagnostics];
  checkServiceUrls(loaded.source, school.localServices ?? [], ['localServices'], diagnostics);
  diagnostics.push(...checkServiceSourceNotes(school.localServices ?? [], loaded.source, ['localServices']));
  return { ...loaded, diagnostics };
}
