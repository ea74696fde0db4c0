import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diagnostic } from './diagnostic.ts';
import type { Diagnostic } from './types.ts';

/** A path as diagnostics show it: relative to the working folder. */
export const display = (file: string) => path.relative(process.cwd(), file) || file;

/** Read a file's bytes; a failure is a diagnostic, never a throw. */
export function read(file: string): { bytes?: Uint8Array; diagnostics: Diagnostic[] } {
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
