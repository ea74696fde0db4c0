import type { ElementContent } from 'hast';
import {
  contactPhrases,
  contactStyles,
  findService,
  helpService,
  webAddress,
  type HelpService,
} from '../lesson/help.ts';
import type { Library, Signpost } from '../lesson/types.ts';
import { externalLink } from './links.ts';
import { h, t } from './text.ts';

/** A service by id, from the help model (the library's services, then the school's local ones). */
export function findSignpost(library: Library, id: string): HelpService | undefined {
  return findService(library, id);
}

/** An address as the site shows it: no scheme, no `www.`, no trailing slash. */
export function displayUrl(url: string): string {
  return webAddress(url, contactStyles.site.address);
}

/** How to reach a service, as inline hast, in the site's style (help model): phone, text, web address, email. */
export function contactParts(service: Signpost | HelpService): ElementContent[][] {
  return contactPhrases(helpService(service), contactStyles.site).map(({ contact, words, href }) => {
    if (contact.kind === 'url') return [externalLink(href!, [t(words)])];
    if (contact.kind === 'email') return [h('a', { href: href! }, [t(words)])];
    return [t(words)];
  });
}

/** A service's name and contact, inline: "Childline (call 0800 1111 (free); childline.org.uk)". */
export function signpostInline(service: Signpost | HelpService): ElementContent {
  const parts = contactParts(service);
  const contact: ElementContent[] = [];
  parts.forEach((part, index) => {
    if (index > 0) contact.push(t(contactStyles.site.separator));
    contact.push(...part);
  });
  const children: ElementContent[] = [h('strong', { className: ['signpost-name'] }, [t(service.name)])];
  if (contact.length > 0) {
    children.push(t(' '), h('span', { className: ['signpost-contact'] }, [t('('), ...contact, t(')')]));
  }
  return h('span', { className: ['signpost'] }, children);
}
