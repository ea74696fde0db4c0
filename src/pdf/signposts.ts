import {
  contactPhrases,
  contactStyles,
  dslRoute,
  dslWords as dslSentence,
  findService as findHelpService,
  helpService,
  helpsWithFor,
  printedAddress,
  printedContactLine,
  serviceDescription,
  serviceLine as lineOf,
  type ContactStyle,
  type HelpService,
} from '../lesson/help.ts';
import { readerAudience } from '../documents/visible.ts';
import type { Audience, Library, Signpost } from '../lesson/types.ts';
import { list } from './lists.ts';
import { paragraph, plain } from './text.ts';
import type { Face, PdfContext, Run } from './types.ts';

/** A help service by id, from the help model (the library's services, then the school's local ones). */
export function findService(library: Library, id: string): HelpService | undefined {
  return findHelpService(library, id);
}

/** An address as it is read aloud or typed from paper: no `https://`, no trailing slash. */
export function readableUrl(url: string): string {
  return printedAddress(url);
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
export function contactRuns(
  service: Signpost | HelpService,
  colour: { link: string },
  face: Face = 'regular',
  style: ContactStyle = contactStyles.print,
): Run[] {
  const parts: Run[] = contactPhrases(helpService(service), style).map(({ words, href }) =>
    href ? { text: words, face, link: href, colour: colour.link } : plain(words, face),
  );
  return parts.flatMap((part, index) => (index ? [plain(style.separator, face), part] : [part]));
}

/** `:signpost[id]` in running text: the service's name, then how to reach it. */
export function signpostRuns(ctx: PdfContext, id: string, face: Face): Run[] | undefined {
  const service = findService(ctx.run.library, id);
  if (!service) return undefined;
  // On a slide, as the slide model measured it (src/slides: the slides style, without email).
  const style = ctx.theme.name.startsWith('slide') ? contactStyles.slides : contactStyles.print;
  const contacts = contactRuns(service, ctx.theme.colours, face, style);
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
 * Who reads a document, for a service's description when neither the caller
 * nor the help model says: staff documents are for adults; a participant's
 * document is for the lesson's audience (pupils, or the parents and staff of
 * an adult session).
 */
export function documentReader(ctx: PdfContext): Audience {
  return readerAudience(ctx.reader, ctx.run.lesson);
}

/**
 * Help services as a list: name and what each helps with, then how to reach it
 * and when. The first contact starts with a capital ("Call …", "Text …").
 * What each helps with is worded for `reader` when given, else for the reader
 * the help model described it to (`outsideSchool` and `lessonHelp`
 * set one), else for the document's reader: parents and staff get the adults'
 * words (`helpsWithAdults`), pupils the pupils' words.
 */
export function serviceList(ctx: PdfContext, services: readonly HelpService[], reader?: Audience): void {
  const size = ctx.theme.size.body;
  const { link, muted } = ctx.theme.colours;
  const fallback = documentReader(ctx);
  list(
    ctx,
    services.map((service) => (item: PdfContext) => {
      const helpsWith = reader ? helpsWithFor(service, reader) : serviceDescription(service, fallback);
      paragraph(item, [{ text: service.name, face: 'bold' }, plain(`: ${helpsWith}`)], { size });
      const { phrases, hours } = printedContactLine(service);
      if (phrases.length) {
        const runs = phrases.map(({ words, href }): Run =>
          href ? { text: words, face: 'regular', link: href, colour: link } : plain(words),
        );
        const line = runs.flatMap((run, index) => (index ? [plain(contactStyles.print.separator), run] : [run]));
        paragraph(item, [...line, ...(hours ? [plain(hours)] : [])], { colour: muted });
      }
    }),
    { tight: true },
  );
}
