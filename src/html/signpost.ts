import type { ElementContent } from 'hast';
import type { Library, Signpost } from '../lesson/types.ts';
import { externalLink } from './links.ts';
import { h, t } from './text.ts';

/** A service by id: the library's help services first, then the school's local services. */
export function findSignpost(library: Library, id: string): Signpost | undefined {
  return (
    library.signposts.find((service) => service.id === id) ?? library.school?.localServices?.find((s) => s.id === id)
  );
}

/** An address as people say it: no scheme, no `www.`, no trailing slash. */
export function displayUrl(url: string): string {
  return url
    .replace(/^https:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '');
}

/** How to reach a service, as inline hast: phone, text, then web address (email only when there is nothing else). */
export function contactParts(service: Signpost): ElementContent[][] {
  const parts: ElementContent[][] = [];
  if (service.phone) parts.push([t(`call ${service.phone}`)]);
  if (service.text) parts.push([t(service.text)]);
  if (service.url) parts.push([externalLink(service.url, [t(displayUrl(service.url))])]);
  if (parts.length === 0 && service.email) {
    parts.push([h('a', { href: `mailto:${service.email}` }, [t(service.email)])]);
  }
  return parts;
}

/** A service's name and contact, inline: "Childline (call 0800 1111 (free); childline.org.uk)". */
export function signpostInline(service: Signpost): ElementContent {
  const parts = contactParts(service);
  const contact: ElementContent[] = [];
  parts.forEach((part, index) => {
    if (index > 0) contact.push(t('; '));
    contact.push(...part);
  });
  const children: ElementContent[] = [h('strong', { className: ['signpost-name'] }, [t(service.name)])];
  if (contact.length > 0) {
    children.push(t(' '), h('span', { className: ['signpost-contact'] }, [t('('), ...contact, t(')')]));
  }
  return h('span', { className: ['signpost'] }, children);
}
