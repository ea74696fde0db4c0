import { markdownFieldsOf, normaliseName, scenariosOf } from '../characters.ts';
import { limits } from '../../limits.ts';
import { diagnostic } from '../diagnostic.ts';
import { rules } from '../rules.ts';
import type { Diagnostic } from '../types.ts';
import type { YamlSource } from '../yaml-source.ts';

/**
 * `scenario-name-not-in-characters`: a lesson that lists its `characters`
 * says which names a class may rename, so each `:::scenario{name=…}` must be
 * among them; reported at the directive. A lesson without `characters` is not
 * checked: its scenario names are its characters by definition
 * (`lessonCharacters`), and asking every lesson to list them again would only
 * add a second list to keep in step (docs/decisions.md, issue 15).
 */
export function checkScenarioCharacters(lesson: { characters?: readonly string[] }, source: YamlSource): Diagnostic[] {
  if (!lesson.characters) return [];
  const listed = new Set(lesson.characters.map(normaliseName));
  const out: Diagnostic[] = [];
  for (const field of markdownFieldsOf(lesson)) {
    for (const { node, name } of scenariosOf(field.tree)) {
      if (!name || listed.has(normaliseName(name))) continue;
      // As many as a file's problems are printed (`limits.diagnosticsPerFile`): a hostile lesson costs no more.
      if (out.length >= limits.diagnosticsPerFile.value) return out;
      const start = node.position?.start ?? { line: 1, column: 1 };
      out.push(
        diagnostic(
          'scenario-name-not-in-characters',
          source.file,
          { line: start.line, column: start.column },
          rules['scenario-name-not-in-characters'].message(name),
        ),
      );
    }
  }
  return out;
}
