/**
 * Start the site's render worker (the renderers and the checker, one bundle for `/personalise/` and
 * `/editor/`): in a built site, the bundle `pshe build` publishes in `/personalise/worker/`
 * (src/pipeline/render-worker-bundle.ts), found from `site`, the site's root as this page sees it;
 * under `pshe dev`, its source, which Vite serves module by module. The address is not a literal in
 * `new URL(…)`, so the site's own build leaves the worker to `pshe build`.
 */
export function startRenderWorker(site: URL): Worker {
  const source = './render-worker.ts';
  // MODE, not DEV: DEV follows NODE_ENV, which may be anything in the shell that runs `pshe build`.
  const dev = import.meta.env.MODE === 'development';
  const url = dev ? new URL(source, import.meta.url) : new URL('personalise/worker/render-worker.js', site);
  return new Worker(url, { type: 'module' });
}
