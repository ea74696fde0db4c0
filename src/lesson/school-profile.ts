import { checkServiceSourceNotes } from './checks/source-notes.ts';
import { checkServiceUrls } from './checks/service-urls.ts';
import { loadDocument, type LoadedDocument } from './load-document.ts';

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
