// Checks the Debian packages the test suite needs (browser tests, PDF read-back
// and LibreOffice for the PowerPoint and the Word documents). Run as root it installs what is missing with apt-get; otherwise
// it says exactly what to install and stops the tests with exit status 1.
import { execFileSync, spawnSync } from 'node:child_process';

const needs: { command: string; pkg: string; why: string }[] = [
  { command: 'chromium', pkg: 'chromium', why: 'browser tests (Playwright drives Debian Chromium)' },
  { command: 'pdftotext', pkg: 'poppler-utils', why: 'reading PDFs back in tests' },
  { command: 'pdfinfo', pkg: 'poppler-utils', why: 'checking PDFs are tagged' },
  { command: 'loimpress', pkg: 'libreoffice-impress', why: 'opening the PowerPoint as an office suite does' },
  { command: 'lowriter', pkg: 'libreoffice-writer', why: 'opening the Word documents as an office suite does' },
];

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const missing = needs.filter((need) => !has(need.command));
const packages = [...new Set(missing.map((need) => need.pkg))];

if (packages.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && has('apt-get')) {
  console.log(`Installing ${packages.join(', ')} for the tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  process.exit(0);
}

console.error('The tests need system packages that are not installed:');
for (const need of missing) console.error(`  ${need.command} (${need.pkg}): ${need.why}`);
console.error(`\nInstall them with:\n  sudo apt-get install ${packages.join(' ')}\n`);
process.exit(1);
