import type { Element, ElementContent } from 'hast';
import { h, t, visuallyHidden } from './text.ts';

/** Said to screen readers after every link that leaves the site. */
export const externalLinkText = '(external site)';

/** True for an address on another site (absolute, with a scheme or `//`). */
export function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}

/**
 * Mark a link that leaves the site: `rel="noopener noreferrer"`, a class for the
 * visible marker, and hidden text so screen-reader users hear it too. Only https
 * addresses stay links; mailto and tel are kept as they are (they open an app, not a site).
 */
export function decorateLink(link: Element): Element {
  const href = typeof link.properties.href === 'string' ? link.properties.href : '';
  if (!isExternal(href) || /^(mailto|tel):/i.test(href)) return link;
  link.properties.rel = ['noopener', 'noreferrer'];
  link.properties.className = ['external'];
  link.children.push(t(' '), visuallyHidden(externalLinkText));
  return link;
}

/** A link to another site, made by the renderer itself (such as a service's web address). */
export function externalLink(href: string, children: ElementContent[]): Element {
  return decorateLink(h('a', { href }, children));
}
