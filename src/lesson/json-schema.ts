import { z } from 'zod';
import { fileKinds } from './schema.ts';
import type { FileKind } from './schema.ts';

/**
 * The JSON Schema of one kind of file, derived from the Zod schema (never
 * written by hand), for editors: autocompletion and underlined mistakes.
 */
export function jsonSchemaFor(kind: FileKind): string {
  const { schema, title } = fileKinds[kind];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return `${JSON.stringify({ title, ...json }, null, 2)}\n`;
}

/** File name → contents of every JSON Schema a library folder holds. */
export function allJsonSchemas(): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(fileKinds) as FileKind[]).map((kind) => [fileKinds[kind].jsonSchema, jsonSchemaFor(kind)]),
  );
}
