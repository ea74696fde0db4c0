import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const types: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

const cache = new Map<string, string | undefined>();

/**
 * An image written next to a lesson (`![alt](diagram.png)`), as a `data:` URI
 * for the page. Embedding keeps every page self-contained and offline (the CSP
 * allows `img-src data:`), and needs no copy step in the build. Only files inside
 * the lesson's own folder are read; anything else gives `undefined`.
 */
export function imageDataUri(lessonFile: string, url: string): string | undefined {
  const folder = path.resolve(path.dirname(lessonFile));
  let file: string;
  try {
    file = path.resolve(folder, decodeURI(url));
  } catch {
    return undefined;
  }
  if (!file.startsWith(folder + path.sep)) return undefined;
  if (cache.has(file)) return cache.get(file);
  const type = types[path.extname(file).toLowerCase()];
  const uri = type && existsSync(file) ? `data:${type};base64,${readFileSync(file).toString('base64')}` : undefined;
  cache.set(file, uri);
  return uri;
}
