import { Buffer } from 'buffer';

/**
 * Node's `Buffer`, for the renderers' byte handling (zip headers, PDF
 * streams, base64 images), from the `buffer` package that reimplements it
 * for browsers. Imported first by the worker, so it is there before any
 * renderer module runs. In Node this module is never loaded.
 */
(globalThis as { Buffer?: unknown }).Buffer ??= Buffer;
