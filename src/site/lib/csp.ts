/**
 * The Content Security Policy every page carries as a meta tag. No inline
 * scripts or styles anywhere: scripts and stylesheets are files on this site,
 * and `wasm-unsafe-eval` is only for Pagefind's WebAssembly search.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');
