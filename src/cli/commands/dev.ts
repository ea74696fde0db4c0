import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags } from '../flags.ts';
import { useLibrarySource } from '../../site/library-source.ts';
import { devFlags } from './build-flags.ts';
import { renamesFromFlags } from '../rename-flags.ts';

/**
 * `pshe dev` (`npm run dev`): preview the site with live reload. The library
 * is handed to Astro through the site's library source
 * (`src/site/library-source.ts`), which loads it with `loadLibrary` and whose
 * loaders watch it; a lesson with errors is logged and skipped. `--rename`
 * renames characters in every lesson as `pshe build` does.
 */
export async function runDev(argv: readonly string[]): Promise<number> {
  const { values } = parseFlags(argv, devFlags);
  if (values.help) return -1;
  const renames = renamesFromFlags(values.rename as string[] | undefined);
  useLibrarySource({
    dir: path.resolve((values.lessons as string | undefined) ?? 'lessons'),
    school: values.school ? path.resolve(values.school as string) : undefined,
    renames,
  });
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Astro 7 backgrounds its dev server when it thinks an agent runs it; a person wants it in front.
  process.env.ASTRO_DEV_BACKGROUND = '0';
  const { dev } = await import('astro');
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const server = await dev({ root, server: { port: Number(values.port ?? 4321), host: '127.0.0.1' } });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => void server.stop().then(resolve));
  });
  return 0;
}
