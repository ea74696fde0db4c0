// @ts-check
import { defineConfig } from 'astro/config';

// Astro has no config switch for telemetry; the environment variable is the only off switch.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

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
    build: {
      // No data: URIs for fonts or scripts (the CSP's font-src falls back to 'self').
      assetsInlineLimit: 0,
    },
  },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [],
});
