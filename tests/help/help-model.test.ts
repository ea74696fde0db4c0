import { beforeAll, describe, expect, it } from 'vitest';
import { signpostHtml } from '../../src/html/index.ts';
import {
  contactStyles,
  contactWords,
  dslRoute,
  dslWords,
  footerServiceId,
  helpService,
  lessonHelp,
  outsideSchool,
  serviceLine,
  slideServices,
} from '../../src/lesson/help.ts';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import type { Lesson, Library, Signpost } from '../../src/lesson/types.ts';
import { lessonReadme } from '../../src/pack/lesson-readme.ts';
import { renderPptx } from '../../src/pptx/index.ts';
import { buildSlideDeck, signpostLine } from '../../src/slides/index.ts';
import { pdfsOf, poppler } from '../pdf/helpers.ts';
import { parts, slideXml, texts } from '../pptx/pptx-parts.ts';

/** Whitespace and hyphens removed: PDFs wrap long addresses at hyphens, and pdftotext joins the halves. */
const squash = (text: string) => text.replace(/[\s-]+/g, '');
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** HTML as the text a reader sees. */
const htmlText = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The contact facts of a service as they must appear in every output, from signposts.yaml itself. */
function facts(service: Signpost) {
  return {
    phone: service.phone,
    // "text SHOUT to 85258", whether or not the YAML value says "Text" already.
    text: service.text ? `text ${service.text.replace(/^text\s+/i, '')}` : undefined,
    // The address as people type it: every output shows at least this much.
    address: service.url?.replace(/^https:\/\/(www\.)?/, '').replace(/\/$/, ''),
  };
}

function expectFacts(output: string, service: Signpost, where: string) {
  const { phone, text, address } = facts(service);
  if (phone) expect(squash(output), `${where}: ${service.id} phone`).toContain(squash(phone));
  if (text) expect(flat(output).toLowerCase(), `${where}: ${service.id} text`).toContain(text.toLowerCase());
  if (address) expect(squash(output), `${where}: ${service.id} address`).toContain(squash(address));
  expect(output, `${where}: doubled verb`).not.toMatch(/\btext\s+text\b/i);
}

let library: Library;
let lesson: Lesson;
let services: Signpost[];

beforeAll(() => {
  library = loadLibrary('lessons', { today: '2026-11-26' }).library;
  services = library.signposts;
  const pupils = library.lessons.find((l) => l.audience === 'pupils')!;
  // One lesson that points to every service in signposts.yaml.
  lesson = { ...pupils, signposts: services.map((service) => service.id) };
});

describe('help model', () => {
  it('words a text contact once, whether or not the YAML value starts with "Text"', () => {
    const written = helpService({ ...services[0], phone: undefined, url: undefined, text: 'Text SHOUT to 85258' });
    const bare = helpService({ ...services[0], phone: undefined, url: undefined, text: 'SHOUT to 85258' });
    for (const service of [written, bare]) {
      const contact = service.contacts.find((c) => c.kind === 'text')!;
      expect(contactWords(contact, contactStyles.print)).toBe('text SHOUT to 85258');
      expect(contactWords(contact, contactStyles.slides)).toBe('text SHOUT to 85258');
      expect(contactWords(contact, { ...contactStyles.print, verb: 'upper' })).toBe('Text SHOUT to 85258');
    }
    // The site keeps the YAML's own "Text …" (its pages are unchanged), and adds the verb when it is missing.
    expect(
      contactWords(
        bare.contacts.find((c) => c.kind === 'text')!,
        contactStyles.site,
      ),
    ).toBe('text SHOUT to 85258');
  });

  it('keeps each service contacts as typed entries, in order', () => {
    const childline = helpService(services.find((s) => s.id === 'childline')!);
    expect(childline.contacts.map((c) => c.kind)).toEqual(['phone', 'url', 'hours', 'for']);
    expect(childline.contacts[0]).toEqual({ kind: 'phone', value: '0800 1111 (free)', label: 'Phone' });
    expect(serviceLine(childline, contactStyles.print)).toBe('Childline: call 0800 1111 (free), www.childline.org.uk');
  });

  it('names the footer service by audience and the DSL from the school profile', () => {
    expect(footerServiceId('pupils')).toBe('childline');
    expect(footerServiceId('staff')).toBe('nspcc-helpline');
    expect(footerServiceId('parents')).toBe('nspcc-helpline');
    expect(dslWords(undefined)).toBe("your school's Designated Safeguarding Lead");
    const school = { name: 'Example Academy', dslName: 'Ms Patel', dslContact: 'Room 12,\n  any break.' };
    expect(dslRoute(school)).toEqual({ school: 'Example Academy', name: 'Ms Patel', contact: 'Room 12, any break.' });
    expect(dslWords(dslRoute(school))).toBe('Ms Patel, the Designated Safeguarding Lead');
    expect(dslWords(dslRoute({ ...school, dslName: undefined }))).toBe(
      'the Designated Safeguarding Lead at Example Academy',
    );
  });

  it("lists the lesson's services in order; paper puts the footer's service first; slides fall back to it", () => {
    const help = lessonHelp({ audience: 'pupils', signposts: ['shout', 'childline', 'samaritans'] }, library);
    expect(help.services.map((s) => s.id)).toEqual(['shout', 'childline', 'samaritans']);
    expect(outsideSchool(help, library, 'pupils').map((s) => s.id)).toEqual(['childline', 'shout', 'samaritans']);
    expect(outsideSchool(help, library, 'staff').map((s) => s.id)).toEqual([
      'nspcc-helpline',
      'shout',
      'childline',
      'samaritans',
    ]);
    const none = lessonHelp({ audience: 'parents', signposts: undefined }, library);
    expect(slideServices(none, library).map((s) => s.id)).toEqual(['nspcc-helpline']);
  });
});

describe('every service through every output', () => {
  it('the site: each service as HTML', () => {
    for (const service of services) expectFacts(htmlText(signpostHtml(service)), service, 'HTML');
  });

  it('the PDFs: the handout help section and the slides PDF', async () => {
    const { byName } = await pdfsOf(lesson, library);
    const handout = poppler('pdftotext', byName.get(`${lesson.id}-handout.pdf`)!);
    const slides = poppler('pdftotext', byName.get(`${lesson.id}-slides.pdf`)!);
    for (const service of services) {
      expectFacts(handout, service, 'handout PDF');
      expectFacts(slides, service, 'slides PDF');
    }
  });

  it('the PowerPoint: the help slides', async () => {
    const bytes = await renderPptx(buildSlideDeck(lesson, library), { library });
    const text = slideXml(parts(bytes))
      .map((xml) => texts(xml))
      .filter((slide) => slide.includes('Where to get help'))
      .join('\n');
    for (const service of services) expectFacts(text, service, 'PowerPoint');
  });

  it('the pack README', () => {
    const readme = lessonReadme(lesson, library, []);
    for (const service of services) expectFacts(readme, service, 'README');
  });
});

describe('regression: "text Text SHOUT" on slides', () => {
  it('the slide line for Shout and The Mix says the text instruction once', () => {
    expect(signpostLine('shout', library)).toBe('Shout: text SHOUT to 85258, giveusashout.org');
    expect(signpostLine('the-mix', library)).toBe('The Mix: text THEMIX to 85258, www.themix.org.uk');
  });

  it('the PowerPoint of a lesson that signposts Shout says "text SHOUT to 85258"', async () => {
    const shout = { ...lesson, signposts: ['shout'] };
    const xml = slideXml(parts(await renderPptx(buildSlideDeck(shout, library), { library })))
      .map((slide) => texts(slide))
      .join('\n');
    expect(xml).toContain('text SHOUT to 85258');
    expect(xml).not.toMatch(/text\s+Text/i);
  });
});
