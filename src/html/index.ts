export { mdastToHtml, renderHtml, signpostHtml } from './render.ts';
export { sanitizeSchema, htmlClasses } from './schema.ts';
export { findSignpost, displayUrl, contactParts } from './signpost.ts';
export { externalLinkText } from './links.ts';
export type { HtmlOptions, HtmlResult, View } from './types.ts';
