// Writes the JSON Schemas derived from src/lesson/schema.ts into every library
// folder this repository ships. `npm run schemas` after changing the schema;
// tests/lesson/json-schema.test.ts fails while a committed copy is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { allJsonSchemas } from '../src/lesson/json-schema.ts';
import { rulesMarkdown } from '../src/lesson/rules-doc.ts';

export const libraryFolders = ['lessons', 'examples/library'];

for (const folder of libraryFolders) {
  for (const [name, text] of Object.entries(allJsonSchemas())) {
    writeFileSync(path.join(folder, name), text);
    console.log(`wrote ${path.join(folder, name)}`);
  }
}

writeFileSync('docs/rules.md', rulesMarkdown());
console.log('wrote docs/rules.md');
