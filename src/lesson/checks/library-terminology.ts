import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkLibraryFile } from '../../library-file.ts';
import { diagnostic } from '../diagnostic.ts';
import { display, read } from '../read-file.ts';
import type { Diagnostic } from '../types.ts';
import { parseYamlFile } from '../yaml-source.ts';
import { issuesToDiagnostics } from '../zod-issues.ts';
import { terminologySchema, type TerminologyEntry } from './terminology.ts';

/**
 * A library's own `terminology.yaml`, if it has one: through the file gate
 * (inside the library, a regular file, at most `limits.fileBytes`), then the
 * schema, each problem a located diagnostic. Returns the entries to add to the
 * built-in list, or none when the file has an error.
 */
export function loadLibraryTerminology(dir: string, diagnostics: Diagnostic[]): TerminologyEntry[] {
  const file = path.join(dir, 'terminology.yaml');
  if (!existsSync(file)) return [];
  const shown = display(file);
  const gate = checkLibraryFile(file, dir);
  if (gate.problem) {
    diagnostics.push(diagnostic(gate.problem.ruleId, shown, { line: 1, column: 1 }, gate.problem.message));
    return [];
  }
  const { bytes, diagnostics: readProblems } = read(file);
  diagnostics.push(...readProblems);
  if (!bytes) return [];
  const parsed = parseYamlFile(shown, bytes);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.source) return [];
  if (!Array.isArray(parsed.source.data)) {
    diagnostics.push(
      diagnostic(
        'yaml-not-mapping',
        shown,
        { line: 1, column: 1 },
        'Expected a list of terms (lines starting "- avoid: …") at the top of the file.',
      ),
    );
    return [];
  }
  const result = terminologySchema.safeParse(parsed.source.data, { reportInput: true });
  if (!result.success) {
    diagnostics.push(...issuesToDiagnostics(parsed.source, terminologySchema, result.error.issues));
    return [];
  }
  return result.data;
}
