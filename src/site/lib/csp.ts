/**
 * The Content Security Policy every page carries as a meta tag. No inline
 * scripts or styles anywhere: scripts and stylesheets are files on this site,
 * and `wasm-unsafe-eval` is only for Pagefind's WebAssembly search.
 */
export const productionPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * `astro dev` (Vite) injects every stylesheet as a `<style>` element, so the
 * preview allows inline styles; built pages never do.
 */
const devPolicy = productionPolicy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

// MODE, not DEV: DEV follows NODE_ENV, which test runners set to `test` even for `astro build`.
const isDev = import.meta.env?.MODE === 'development';

/** The policy for the page being rendered: {@link productionPolicy} in every build. */
export const contentSecurityPolicy = isDev ? devPolicy : productionPolicy;
