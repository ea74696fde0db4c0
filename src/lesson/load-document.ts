import type { z } from 'zod';
import { capDiagnostics, diagnostic } from './diagnostic.ts';
import { parseMarkdownFields } from './parse-fields.ts';
import type { ParsedFields } from './parse-fields.ts';
import { fileKinds } from './schema.ts';
import type { FileKind } from './schema.ts';
import type { Diagnostic } from './types.ts';
import { parseYamlFile } from './yaml-source.ts';
import type { YamlSource } from './yaml-source.ts';
import { issuesToDiagnostics } from './zod-issues.ts';

export interface LoadedDocument<K extends FileKind> {
  /** Present only when the file parsed and matched its schema. */
  data?: z.output<(typeof fileKinds)[K]['schema']>;
  source?: YamlSource;
  fields?: ParsedFields;
  diagnostics: Diagnostic[];
}

const shapes: Record<FileKind, 'mapping' | 'list'> = {
  lesson: 'mapping',
  unit: 'mapping',
  school: 'mapping',
  signposts: 'list',
};

/**
 * Read one file of a known kind: YAML → schema → markdown. Each stage runs
 * only when the one before found no error (unified-engine's pipeline), and
 * nothing here throws because of the file's content. At most
 * `limits.diagnosticsPerFile` problems are returned (`capDiagnostics`).
 */
export function loadDocument<K extends FileKind>(kind: K, file: string, bytes: Uint8Array): LoadedDocument<K> {
  const parsed = parseYamlFile(file, bytes);
  if (!parsed.source) return { diagnostics: capDiagnostics(parsed.diagnostics) };
  const source = parsed.source;
  const shape = shapes[kind];
  const isList = Array.isArray(source.data);
  const isMapping = typeof source.data === 'object' && source.data !== null && !isList;
  if ((shape === 'list' && !isList) || (shape === 'mapping' && !isMapping)) {
    const what =
      shape === 'list' ? 'a list of services (lines starting "- id: …")' : 'a mapping of fields (such as "title: …")';
    return {
      source,
      diagnostics: [
        diagnostic('yaml-not-mapping', file, { line: 1, column: 1 }, `Expected ${what} at the top of the file.`),
      ],
    };
  }
  const schema = fileKinds[kind].schema as z.ZodType;
  const result = schema.safeParse(source.data, { reportInput: true });
  if (!result.success) {
    return { source, diagnostics: capDiagnostics(issuesToDiagnostics(source, schema, result.error.issues)) };
  }
  const fields = parseMarkdownFields(source, result.data);
  return {
    data: result.data as LoadedDocument<K>['data'],
    source,
    fields,
    diagnostics: capDiagnostics(fields.diagnostics),
  };
}
