import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags } from '../cli/flags.ts';
import { devFlags } from './flags.ts';

/**
 * `pshe dev` (`npm run dev`): preview the site with live reload. The Astro
 * loader watches the library; a lesson with errors is logged and skipped.
 */
export async function runDev(argv: readonly string[]): Promise<number> {
  const { values } = parseFlags(argv, devFlags);
  if (values.help) return -1;
  process.env.PSHE_LESSONS = path.resolve((values.lessons as string | undefined) ?? 'lessons');
  if (values.school) process.env.PSHE_SCHOOL = path.resolve(values.school as string);
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Astro 7 backgrounds its dev server when it thinks an agent runs it; a person wants it in front.
  process.env.ASTRO_DEV_BACKGROUND = '0';
  const { dev } = await import('astro');
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const server = await dev({ root, server: { port: Number(values.port ?? 4321), host: '127.0.0.1' } });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => void server.stop().then(resolve));
  });
  return 0;
}
