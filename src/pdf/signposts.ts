import type { Library, Signpost } from '../lesson/types.ts';
import { list } from './lists.ts';
import { paragraph, plain } from './text.ts';
import type { Face, PdfContext, Run } from './types.ts';

/** A help service by id: the library's services, then the school's local ones (design.md). */
export function findService(library: Library, id: string): Signpost | undefined {
  return (
    library.signposts.find((service) => service.id === id) ?? library.school?.localServices?.find((s) => s.id === id)
  );
}

/** An address as it is read aloud or typed from paper: no `https://`, no trailing slash. */
export function readableUrl(url: string): string {
  return url
    .replace(/^https?:\/\//, '')
    .replace(/^mailto:/, '')
    .replace(/\/$/, '');
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

/** How to reach a service, in runs: "call 0800 1111 (free), childline.org.uk" with the address clickable. */
export function contactRuns(service: Signpost, colour: { link: string }, face: Face = 'regular'): Run[] {
  const parts: Run[][] = [];
  if (service.phone) parts.push([plain(`call ${service.phone}`, face)]);
  if (service.text)
    parts.push([plain(/^text\b/i.test(service.text) ? lowerFirst(service.text) : `text ${service.text}`, face)]);
  if (service.url) parts.push([addressRun(service.url, face, colour.link)]);
  if (service.email) parts.push([{ text: service.email, face, link: `mailto:${service.email}`, colour: colour.link }]);
  return parts.flatMap((part, index) => (index ? [plain(', ', face), ...part] : part));
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** `:signpost[id]` in running text: the service's name, then how to reach it. */
export function signpostRuns(ctx: PdfContext, id: string, face: Face): Run[] | undefined {
  const service = findService(ctx.run.library, id);
  if (!service) return undefined;
  const contacts = contactRuns(service, ctx.theme.colours, face);
  const name: Run = { text: service.name, face: face === 'italic' ? 'boldItalic' : 'bold' };
  return contacts.length ? [name, plain(': ', face), ...contacts] : [name];
}

/** A plain-text line for a service, for table cells and page footers. */
export function serviceLine(service: Signpost): string {
  const contacts = contactRuns(service, { link: '' })
    .map((run) => run.text)
    .join('');
  return contacts ? `${service.name}: ${contacts}` : service.name;
}

/** The school's DSL as named on paper, or the generic words when there is no school profile (design.md). */
export function dslWords(library: Library): string {
  const school = library.school;
  if (!school) return "your school's Designated Safeguarding Lead";
  return school.dslName
    ? `${school.dslName}, the Designated Safeguarding Lead`
    : `the Designated Safeguarding Lead at ${school.name}`;
}

/**
 * Help services as a list: name and what each helps with, then how to reach it
 * and when. Unknown ids are reported and skipped (the check already failed them).
 */
export function serviceList(ctx: PdfContext, ids: readonly string[]): void {
  const services = ids.map((id) => findService(ctx.run.library, id)).filter((s): s is Signpost => Boolean(s));
  const size = ctx.theme.size.body;
  list(
    ctx,
    services.map((service) => (item: PdfContext) => {
      paragraph(item, [{ text: service.name, face: 'bold' }, plain(`: ${service.helpsWith}`)], { size });
      const contacts = contactRuns(service, ctx.theme.colours);
      const hours = service.hours ? [plain(`. ${service.hours}`)] : [];
      if (contacts.length) {
        // "call …" and "text …" start the line with a capital; an address is printed as it is typed.
        const [first, ...rest] = contacts;
        const opening = first.link ? first : { ...first, text: upperFirst(first.text) };
        paragraph(item, [opening, ...rest, ...hours], { colour: ctx.theme.colours.muted });
      }
    }),
    { tight: true },
  );
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
