// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig } from 'astro/config';
import { defaultClientConditions } from 'vite';

// Astro has no config switch for telemetry; the environment variable is the only off switch.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const librarySourceFile = fileURLToPath(new URL('./src/site/library-source.ts', import.meta.url));
const librarySourceUrl = pathToFileURL(librarySourceFile).href;

/**
 * Leaves `src/site/library-source.ts` to Node in every Vite environment, so
 * `pshe build` / `pshe dev`, the content loaders and the pages share its one
 * instance (it holds the library they hand over; see that file). Vite would
 * otherwise run a copy of it in each module runner (content config, dev pages)
 * and bundle another into the build's pages. An import of it resolves to its
 * `file:` URL, marked external: kept as an `import` in the bundle, and, being
 * listed as a "builtin" of the server environments, imported natively by the
 * dev module runners too.
 * @returns {import('vite').Plugin}
 */
function librarySourceOutsideVite() {
  return {
    name: 'pshe-library-source',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.endsWith('library-source.ts')) return null;
      const from = importer.split('?')[0];
      const file = path.resolve(path.dirname(from.startsWith('file:') ? fileURLToPath(from) : from), source);
      return file === librarySourceFile ? { id: librarySourceUrl, external: true } : null;
    },
    configResolved(config) {
      for (const environment of Object.values(config.environments)) {
        if (environment.consumer !== 'server') continue;
        environment.resolve.builtins = [...environment.resolve.builtins, librarySourceUrl];
      }
    },
  };
}

/**
 * The renderers' edges (package.json `imports`: `#assets`, `#images`,
 * `#installed-versions`): on the server (pages and endpoints rendered by
 * `pshe build`), the Node variant, left to Node like the library source, so
 * it finds the project's files from where it really is rather than from a
 * bundled chunk's folder. Client bundles (the personalise page's worker)
 * resolve the browser variant through the `default` condition as usual.
 * @returns {import('vite').Plugin}
 */
function nodeEdgesOutsideVite() {
  const imports = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).imports;
  /** @type {Record<string, string>} */
  const edges = Object.fromEntries(
    Object.entries(imports).map(([name, targets]) => [
      name,
      pathToFileURL(fileURLToPath(new URL(targets.node, import.meta.url))).href,
    ]),
  );
  return {
    name: 'pshe-node-edges',
    enforce: 'pre',
    resolveId(source) {
      const url = edges[source];
      return url && this.environment?.config.consumer === 'server' ? { id: url, external: true } : null;
    },
    configResolved(config) {
      for (const environment of Object.values(config.environments)) {
        if (environment.consumer !== 'server') continue;
        environment.resolve.builtins = [...environment.resolve.builtins, ...Object.values(edges)];
      }
    },
  };
}

/**
 * The PSHE Kit website: static, offline-capable, no third-party requests.
 * Pages live in src/site; the lesson library comes in through src/site/loader.ts.
 */
export default defineConfig({
  srcDir: './src/site',
  publicDir: './public',
  outDir: './dist',
  // A build of its own may keep its data store apart (tests, two builds at once).
  cacheDir: process.env.PSHE_ASTRO_CACHE ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // The CSP allows `style-src 'self'`: never inline a stylesheet.
    inlineStylesheets: 'never',
  },
  vite: {
    plugins: [librarySourceOutsideVite(), nodeEdgesOutsideVite()],
    // `pshe dev` serves the personalise page's render worker (src/browser) module by module; a
    // worker has no DOM: packages' `worker` builds first (decode-named-character-reference's
    // `browser` one uses `document`). `pshe build` bundles it on its own (render-worker-bundle.ts).
    resolve: { conditions: ['worker', ...defaultClientConditions] },
    build: {
      // No data: URIs for fonts or scripts (the CSP's font-src falls back to 'self').
      assetsInlineLimit: 0,
    },
  },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [],
});
