import {
  contactPhrases,
  contactStyles,
  contactWords,
  dslRoute,
  dslWords as dslSentence,
  findService as findHelpService,
  helpService,
  serviceLine as lineOf,
  webAddress,
  type HelpService,
} from '../lesson/help.ts';
import type { Library, Signpost } from '../lesson/types.ts';
import { list } from './lists.ts';
import { paragraph, plain } from './text.ts';
import type { Face, PdfContext, Run } from './types.ts';

/** A help service by id, from the help model (the library's services, then the school's local ones). */
export function findService(library: Library, id: string): HelpService | undefined {
  return findHelpService(library, id);
}

/** An address as it is read aloud or typed from paper: no `https://`, no trailing slash. */
export function readableUrl(url: string): string {
  return webAddress(url, contactStyles.print.address);
}

/**
 * A web address as printed and read aloud: without `https://`, clickable when
 * `link` is set. (Non-breaking hyphens with an ActualText were tried so that
 * lines never break at a hyphen, but poppler then extracts the address out of
 * reading order; plain hyphens keep the text right for screen readers.)
 */
export function addressRun(url: string, face: Face, colour: string, link: string | undefined = url): Run {
  return { text: readableUrl(url), face, link, colour };
}

/** How to reach a service, in runs (help model, print style): "call 0800 1111 (free), www.childline.org.uk", addresses clickable. */
export function contactRuns(service: Signpost | HelpService, colour: { link: string }, face: Face = 'regular'): Run[] {
  const parts: Run[] = contactPhrases(helpService(service), contactStyles.print).map(({ words, href }) =>
    href ? { text: words, face, link: href, colour: colour.link } : plain(words, face),
  );
  return parts.flatMap((part, index) => (index ? [plain(contactStyles.print.separator, face), part] : [part]));
}

/** `:signpost[id]` in running text: the service's name, then how to reach it. */
export function signpostRuns(ctx: PdfContext, id: string, face: Face): Run[] | undefined {
  const service = findService(ctx.run.library, id);
  if (!service) return undefined;
  const contacts = contactRuns(service, ctx.theme.colours, face);
  const name: Run = { text: service.name, face: face === 'italic' ? 'boldItalic' : 'bold' };
  return contacts.length ? [name, plain(': ', face), ...contacts] : [name];
}

/** A plain-text line for a service, for table cells and page footers. */
export function serviceLine(service: Signpost | HelpService): string {
  return lineOf(helpService(service), contactStyles.print);
}

/** The school's DSL as named on paper, or the generic words when there is no school profile (design.md). */
export function dslWords(library: Library): string {
  return dslSentence(dslRoute(library.school));
}

/**
 * Help services as a list: name and what each helps with, then how to reach it
 * and when. The first contact starts with a capital ("Call …", "Text …").
 */
export function serviceList(ctx: PdfContext, services: readonly HelpService[]): void {
  const size = ctx.theme.size.body;
  const { link, muted } = ctx.theme.colours;
  list(
    ctx,
    services.map((service) => (item: PdfContext) => {
      paragraph(item, [{ text: service.name, face: 'bold' }, plain(`: ${service.helpsWith}`)], { size });
      const phrases = contactPhrases(service, contactStyles.print);
      const hours = service.contacts.find((contact) => contact.kind === 'hours');
      if (phrases.length) {
        const runs = phrases.map(({ contact, words, href }, index): Run => {
          if (href) return { text: words, face: 'regular', link: href, colour: link };
          return plain(index === 0 ? contactWords(contact, { ...contactStyles.print, verb: 'upper' }) : words);
        });
        const line = runs.flatMap((run, index) => (index ? [plain(contactStyles.print.separator), run] : [run]));
        paragraph(item, [...line, ...(hours ? [plain(`. ${hours.value}`)] : [])], { colour: muted });
      }
    }),
    { tight: true },
  );
}
