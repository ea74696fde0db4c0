import { buildFlags, buildUsage, devFlags, devUsage } from './commands/build-flags.ts';
import { LibraryError } from '../lesson/load-library.ts';
import { checkFlags, checkUsage, runCheck } from './commands/check.ts';
import { newFlags, newUsage, runNew } from './commands/new.ts';
import { printable } from '../lesson/diagnostic-text.ts';
import type { FlagSpec } from './flags.ts';
import { helpFor, UsageError } from './flags.ts';

interface Command {
  run(argv: readonly string[]): number | Promise<number>;
  usage: string;
  flags: FlagSpec[];
  summary: string;
}

const commands: Record<string, Command> = {
  check: {
    run: runCheck,
    usage: checkUsage,
    flags: checkFlags,
    summary: 'check the lesson library and report every problem',
  },
  build: {
    // Loaded on use: the renderers and Astro are heavy, and `check` needs none of them.
    run: async (argv) => (await import('./commands/build.ts')).runBuild(argv),
    usage: buildUsage,
    flags: buildFlags,
    summary: 'build the site and every download into dist/',
  },
  dev: {
    run: async (argv) => (await import('./commands/dev.ts')).runDev(argv),
    usage: devUsage,
    flags: devFlags,
    summary: 'preview the site, reloading when a lesson changes',
  },
  new: { run: runNew, usage: newUsage, flags: newFlags, summary: 'start a new lesson from the template' },
};

function mainHelp(): string {
  const rows = Object.entries(commands).map(([name, command]) => `  pshe ${name.padEnd(8)} ${command.summary}`);
  return `PSHE Kit: safeguarding lessons as YAML, compiled to a website, PDFs, slides and packs.\n\nCommands:\n${rows.join('\n')}\n\nRun \`pshe <command> --help\` for its options.\n`;
}

/**
 * Run the CLI. Exit status: 0 clean or warnings only, 1 when the library has
 * errors, 2 when the command itself could not run (bad flags, missing folder,
 * a crash). Sets `process.exitCode` so output is flushed.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    process.stdout.write(mainHelp());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    process.stdout.write('pshe-kit 0.1.0\n');
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(
      `pshe: unknown command \`${printable(name)}\`. Expected one of ${Object.keys(commands).join(', ')}.\n`,
    );
    return 2;
  }
  try {
    const status = await command.run(rest);
    if (status === -1) {
      process.stdout.write(helpFor(command.usage, command.flags));
      return 0;
    }
    return status;
  } catch (error) {
    if (error instanceof UsageError || error instanceof LibraryError) {
      process.stderr.write(`pshe ${name}: ${printable(error.message)}\n${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`pshe ${name}: PSHE Kit crashed. This is a bug; please report it with the output below.\n`);
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}
