import type { Root } from 'mdast';
import { renderHtml } from '../../html/index.ts';
import type { View } from '../../html/index.ts';
import type { Library, MarkdownField } from '../../lesson/types.ts';
import { imageDataUri } from './images.ts';

const reported = new Set<string>();

/**
 * A markdown field as sanitized HTML for `set:html`, through the one renderer
 * (`src/html`). `key` makes the field's footnote ids unique on the page.
 * Problems are printed once each; the page still builds.
 */
export function fieldHtml(
  field: MarkdownField | undefined,
  options: { view: View; library: Library; file: string; key: string; headingOffset?: number },
): string {
  if (!field) return '';
  const { html, diagnostics } = renderHtml(field.tree as Root, {
    view: options.view,
    library: options.library,
    file: options.file,
    headingOffset: options.headingOffset ?? 2,
    idPrefix: `${options.key}-`,
    resolveImage: (url) => imageDataUri(options.file, url),
  });
  for (const d of diagnostics) {
    const line = `${d.file}: ${d.severity}: ${d.message} [${d.ruleId}]`;
    if (reported.has(line)) continue;
    reported.add(line);
    console.warn(line);
  }
  return html;
}
