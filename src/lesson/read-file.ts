import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { diagnostic } from './diagnostic.ts';
import { limits } from './limits.ts';
import type { Diagnostic } from './types.ts';

/** A path as diagnostics show it: relative to the working folder. */
export const display = (file: string) => path.relative(process.cwd(), file) || file;

/** The `file-too-large` diagnostic, for a file of `size` bytes. */
export function fileTooLarge(file: string, size: number): Diagnostic {
  const mb = (size / 1024 / 1024).toFixed(1);
  return diagnostic(
    'file-too-large',
    file,
    { line: 1, column: 1 },
    `The file is ${mb} MB; files over ${limits.fileBytes.value / 1024 / 1024} MB are not read. Split it, or remove pasted content.`,
  );
}

/**
 * Read a library file's bytes; a failure is a diagnostic, never a throw. Only
 * a regular file is read, and only up to the file size limit: a named pipe,
 * a device such as /dev/zero or a folder is refused without waiting on it,
 * and a huge file is refused from its size before a byte is read.
 */
export function read(file: string): { bytes?: Uint8Array; diagnostics: Diagnostic[] } {
  const shown = display(file);
  const unreadable = (reason: string) => ({
    diagnostics: [
      diagnostic('file-unreadable', shown, { line: 1, column: 1 }, `The file could not be read (${reason}).`),
    ],
  });
  let fd: number | undefined;
  try {
    // Non-blocking, so opening a named pipe returns at once instead of waiting for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return unreadable('it is a folder or a device, not a file');
    if (stat.size > limits.fileBytes.value) return { diagnostics: [fileTooLarge(shown, stat.size)] };
    // One byte more than the limit, so a file that grew since stat is still caught.
    const buffer = Buffer.alloc(Math.min(stat.size, limits.fileBytes.value) + 1);
    let length = 0;
    for (let got = -1; got !== 0 && length < buffer.length; length += got) {
      got = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > limits.fileBytes.value) return { diagnostics: [fileTooLarge(shown, length)] };
    return { bytes: buffer.subarray(0, length), diagnostics: [] };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return unreadable('it is a folder, not a file');
    return unreadable(error instanceof Error ? error.message : String(error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
