import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';

const registry = path.resolve('src/site/library-source.ts');

interface SourcePlugin {
  resolveId(source: string, importer?: string): { id: string; external: boolean } | null;
  configResolved(config: {
    environments: Record<string, { consumer: string; resolve: { builtins: unknown[] } }>;
  }): void;
}

/** The Vite plugin of astro.config.mjs that keeps the library source out of Vite's module graphs. */
function plugin(): SourcePlugin {
  const found = config.vite?.plugins
    ?.flat()
    .find((p) => p && typeof p === 'object' && 'name' in p && p.name === 'pshe-library-source');
  expect(found).toBeDefined();
  return found as unknown as SourcePlugin;
}

describe('the one library source of the site', () => {
  it('should resolve every import of src/site/library-source.ts, from any folder, to one external file URL', () => {
    const url = pathToFileURL(registry).href;
    const { resolveId } = plugin();
    expect(resolveId('./library-source.ts', path.resolve('src/site/loader.ts'))).toEqual({ id: url, external: true });
    expect(resolveId('../library-source.ts', path.resolve('src/site/lib/library.ts'))).toEqual({
      id: url,
      external: true,
    });
    expect(resolveId('../site/library-source.ts', pathToFileURL(path.resolve('src/pipeline/site.ts')).href)).toEqual({
      id: url,
      external: true,
    });
    expect(resolveId('./library.ts', path.resolve('src/site/pages/index.astro'))).toBeNull();
    expect(resolveId('./elsewhere/library-source.ts', path.resolve('src/site/loader.ts'))).toBeNull();
  });

  it('should have the server environments import it with Node, and leave the browser’s alone', () => {
    const environments = {
      ssr: { consumer: 'server', resolve: { builtins: ['fs'] } },
      astro: { consumer: 'server', resolve: { builtins: ['fs'] } },
      client: { consumer: 'client', resolve: { builtins: [] } },
    };
    plugin().configResolved({ environments });
    expect(environments.ssr.resolve.builtins).toEqual(['fs', pathToFileURL(registry).href]);
    expect(environments.astro.resolve.builtins).toEqual(['fs', pathToFileURL(registry).href]);
    expect(environments.client.resolve.builtins).toEqual([]);
  });
});
