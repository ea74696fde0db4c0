import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { diagnostic } from './diagnostic.ts';
import { limits } from '../limits.ts';
import type { Diagnostic } from './types.ts';

/** A path as diagnostics show it: relative to the working folder. */
export const display = (file: string) => path.relative(process.cwd(), file) || file;

export type BoundedRead =
  | { bytes: Buffer; kind?: undefined; size?: undefined; reason?: undefined }
  | { bytes?: undefined; kind: 'not-a-file' | 'too-large' | 'unreadable'; size?: number; reason?: string };

/**
 * The one way PSHE Kit reads a file a library holds or names: only a regular
 * file, and never more than `maxBytes`. It is opened without blocking, so a
 * named pipe returns at once instead of waiting for a writer, and checked on
 * the opened file, so a folder, a device such as /dev/zero, a file swapped in
 * after a check, or a huge file is refused before a byte is read.
 */
export function readBounded(file: string, maxBytes: number, options: { noFollow?: boolean } = {}): BoundedRead {
  let fd: number;
  try {
    const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0);
    fd = openSync(file, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR' || code === 'ELOOP') return { kind: 'not-a-file' };
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: 'not-a-file' };
    if (stat.size > maxBytes) return { kind: 'too-large', size: stat.size };
    // One byte more than the limit, so a file that grew since the stat is caught too.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const got = readSync(fd, buffer, length, buffer.length - length, null);
      if (got === 0) break;
      length += got;
      if (length === buffer.length) return { kind: 'too-large', size: length };
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    closeSync(fd);
  }
}

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

/** Read a library's YAML file (at most `limits.fileBytes`); a failure is a diagnostic, never a throw. */
export function read(file: string): { bytes?: Uint8Array; diagnostics: Diagnostic[] } {
  const shown = display(file);
  const found = readBounded(file, limits.fileBytes.value);
  if (found.bytes) return { bytes: found.bytes, diagnostics: [] };
  if (found.kind === 'too-large') return { diagnostics: [fileTooLarge(shown, found.size ?? 0)] };
  const reason = found.kind === 'not-a-file' ? 'it is a folder or a device, not a file' : found.reason;
  return {
    diagnostics: [
      diagnostic('file-unreadable', shown, { line: 1, column: 1 }, `The file could not be read (${reason}).`),
    ],
  };
}
