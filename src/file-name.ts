/** A path's last part, its file name, split at `/` or `\\` (path.basename without node:path, for the browser too). */
export const fileNameOf = (file: string): string =>
  file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
