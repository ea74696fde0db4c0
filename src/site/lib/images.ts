import path from 'node:path';
import { lessonImageScope, readLibraryImage } from '../../library-file.ts';

/** By lesson folder and URL; and by the real file, so that one picture named several ways is encoded once. */
const cache = new Map<string, string | undefined>();
const byFile = new Map<string, string>();

/**
 * An image written next to a lesson (`![alt](diagram.png)`), as a `data:` URI
 * for the page. Embedding keeps every page self-contained and offline (the CSP
 * allows `img-src data:`), and needs no copy step in the build. The file is
 * read through the gate for library files (`src/library-file.ts`): inside the
 * library (links followed), a regular file, within the size limits, and a PNG
 * or JPEG by its first bytes, whatever its name ends with. Anything else gives
 * `undefined`, and the page shows the image's description.
 */
export function imageDataUri(lessonFile: string, url: string): string | undefined {
  const scope = lessonImageScope(path.dirname(lessonFile));
  const key = `${scope.base}\0${url}`;
  if (cache.has(key)) return cache.get(key);
  const { image } = readLibraryImage(scope, url);
  let uri = image && byFile.get(image.file);
  if (image && !uri) {
    uri = `data:image/${image.type};base64,${Buffer.from(image.bytes).toString('base64')}`;
    byFile.set(image.file, uri);
  }
  cache.set(key, uri);
  return uri;
}
