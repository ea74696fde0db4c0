import type { Audience, Lesson, Library, School, Signpost } from './types.ts';

/**
 * The help a lesson points to, as one model every renderer reads (design.md,
 * "one source for each shared fact"): the services and how each is reached,
 * the route to the school's Designated Safeguarding Lead, the school's local
 * services and the service each page footer names. Renderers decide layout;
 * the facts, the order and the words for a contact come from here.
 */

/** One fact about a service, in the order people read them. */
export type ContactKind = 'phone' | 'text' | 'url' | 'email' | 'hours' | 'for';

export interface Contact {
  kind: ContactKind;
  /** As written in signposts.yaml (or the school profile). */
  value: string;
  /** What the site's service card calls it: "Phone", "Text", "Website", "Email", "Open", "For". */
  label: string;
}

/** The kinds that are a way to reach a service (hours and who it is for are not). */
const reachKinds: readonly ContactKind[] = ['phone', 'text', 'url', 'email'];

const labels: Record<ContactKind, string> = {
  phone: 'Phone',
  text: 'Text',
  url: 'Website',
  email: 'Email',
  hours: 'Open',
  for: 'For',
};

/** A help service with its contacts as data. */
export interface HelpService {
  id: string;
  name: string;
  /** What the service does, in the pupils' words (`helpsWith` in signposts.yaml). */
  helpsWith: string;
  /** What it does in words for parents, carers and staff (`helpsWithAdults`), when written. */
  helpsWithAdults?: string;
  /**
   * Whom this copy of the model describes the service to, when the model knows
   * (set by {@link forReader}: {@link lessonHelp}, {@link outsideSchool} and
   * {@link slideServices} set it). A renderer that is handed a list of services
   * without knowing its reader prints {@link serviceDescription}.
   */
  reader?: Audience;
  ages: string;
  verifiedOn: string;
  source?: string;
  /** From the school profile's `localServices`, not signposts.yaml. */
  local: boolean;
  /** Phone, text, web address, email, hours, who it is for: those set, in that order. */
  contacts: Contact[];
}

/** A service from signposts.yaml or the school profile as the help model holds it (a model is returned as it is). */
export function helpService(service: Signpost | HelpService, local = false): HelpService {
  if ('contacts' in service) return service;
  const facts: [ContactKind, string | undefined][] = [
    ['phone', service.phone],
    ['text', service.text],
    ['url', service.url],
    ['email', service.email],
    ['hours', service.hours],
    ['for', service.audience],
  ];
  return {
    id: service.id,
    name: service.name,
    helpsWith: service.helpsWith,
    ...(service.helpsWithAdults === undefined ? {} : { helpsWithAdults: service.helpsWithAdults }),
    ages: service.ages,
    verifiedOn: service.verifiedOn,
    ...(service.source === undefined ? {} : { source: service.source }),
    local,
    contacts: facts.flatMap(([kind, value]) => (value ? [{ kind, value, label: labels[kind] }] : [])),
  };
}

// ---------------------------------------------------------------------------
// What a service does, in the words for its reader

/**
 * Whether a reader is an adult: staff and parents are. Outputs for adults are
 * the letter home, the invitation letter, the DSL briefing, the unit approval
 * sheet, the staff's lesson plan and guide, the pack README, and every output
 * of a staff or parents' session.
 */
export function isAdultReader(reader: Audience): boolean {
  return reader !== 'pupils';
}

/**
 * What a service does, in the words for a reader: adults (staff, parents) get
 * `helpsWithAdults` when it is written, everyone else `helpsWith` (the pupils'
 * words, also the adults' when no other words were written).
 */
export function helpsWithFor(service: Pick<HelpService, 'helpsWith' | 'helpsWithAdults'>, reader: Audience): string {
  return isAdultReader(reader) && service.helpsWithAdults ? service.helpsWithAdults : service.helpsWith;
}

/** The service as described to a reader (a copy that remembers whom it is for). */
export function forReader(service: HelpService, reader: Audience): HelpService {
  return service.reader === reader ? service : { ...service, reader };
}

/**
 * What a service does, for the reader its model was made for
 * ({@link forReader}); `fallback` when the model does not know (a service
 * looked up by id), which is the pupils' words unless the caller knows better.
 */
export function serviceDescription(service: HelpService, fallback: Audience = 'pupils'): string {
  return helpsWithFor(service, service.reader ?? fallback);
}

/** A service by id: the library's services first, then the school's local ones (design.md). */
export function findService(library: Library, id: string): HelpService | undefined {
  const national = library.signposts.find((service) => service.id === id);
  if (national) return helpService(national);
  const local = library.school?.localServices?.find((service) => service.id === id);
  return local ? helpService(local, true) : undefined;
}

/** The school's local services, in the profile's order. */
export function localServices(library: Library): HelpService[] {
  return (library.school?.localServices ?? []).map((service) => helpService(service, true));
}

/** The service every page footer names besides the DSL: Childline for pupils, the NSPCC Helpline for adults. */
export function footerServiceId(audience: Audience): string {
  return audience === 'pupils' ? 'childline' : 'nspcc-helpline';
}

/** The footer's service for a reader, when the library has it. */
export function footerService(library: Library, audience: Audience): HelpService | undefined {
  return findService(library, footerServiceId(audience));
}

// ---------------------------------------------------------------------------
// The DSL route

/** What every output says when there is no school profile (design.md). */
export const genericDsl = "your school's Designated Safeguarding Lead";

/** How to reach the school's Designated Safeguarding Lead, from the school profile. */
export interface DslRoute {
  /** The school's name. */
  school: string;
  /** The DSL's name, when the profile gives it. */
  name?: string;
  /** How pupils reach the DSL, on one line. */
  contact: string;
  /** The deputy DSL, when the profile gives one. */
  deputy?: string;
}

/** The DSL route, or undefined without a school profile (outputs then use {@link genericDsl}). */
export function dslRoute(school: School | undefined): DslRoute | undefined {
  if (!school) return undefined;
  return {
    school: school.name,
    ...(school.dslName ? { name: school.dslName } : {}),
    contact: school.dslContact.replace(/\s+/g, ' ').trim(),
    ...(school.deputyDsl ? { deputy: school.deputyDsl } : {}),
  };
}

/**
 * The DSL named in a sentence: "Ms Patel, the Designated Safeguarding Lead",
 * "the Designated Safeguarding Lead at Example Academy" (`atSchool`, the
 * default) or, without a profile, "your school's Designated Safeguarding Lead".
 */
export function dslWords(dsl: DslRoute | undefined, options: { atSchool?: boolean } = {}): string {
  if (!dsl) return genericDsl;
  if (dsl.name) return `${dsl.name}, the Designated Safeguarding Lead`;
  return options.atSchool === false
    ? 'the Designated Safeguarding Lead'
    : `the Designated Safeguarding Lead at ${dsl.school}`;
}

const withoutFullStop = (text: string) => text.replace(/\.$/, '');

/** What pupils are told last under "Where to get help", on paper and on slides. */
export const notInTrouble = 'You will not be in trouble for asking for help.';

/**
 * "In school: …" under "Where to get help": pupils are told how to reach the
 * DSL and that any trusted adult will do; adults are told whom to tell.
 */
export function inSchoolWords(dsl: DslRoute | undefined, audience: Audience): string {
  if (audience === 'pupils') {
    return dsl
      ? `Talk to ${dslWords(dsl)}: ${withoutFullStop(dsl.contact)}. You can also talk to any member of staff you trust.`
      : `Talk to any member of staff you trust, or ${dslWords(dsl)}.`;
  }
  return dsl
    ? `Tell ${dslWords(dsl)} at ${dsl.school}${dsl.deputy ? ` (deputy: ${dsl.deputy})` : ''}.`
    : `Tell ${dslWords(dsl)}.`;
}

/**
 * The help line at the foot of every page: a bold lead, the sentence about
 * school, then (when the service is known) " Outside school: " and its line.
 */
export function footerWords(
  dsl: DslRoute | undefined,
  audience: Audience,
  service?: HelpService,
): { lead: string; inSchool: string; outside?: [string, string] } {
  const outside = service
    ? { outside: [' Outside school: ', `${serviceLine(service, contactStyles.print)}.`] as [string, string] }
    : {};
  if (audience === 'pupils') {
    const inSchool = dsl
      ? `talk to ${dslWords(dsl)}: ${withoutFullStop(dsl.contact)}.`
      : `talk to any member of staff, or ${dslWords(dsl)}.`;
    return { lead: 'Need help? ', inSchool: `In school, ${inSchool}`, ...outside };
  }
  const inSchool = dsl ? `tell ${dslWords(dsl)} at ${dsl.school}.` : `tell ${dslWords(dsl)}.`;
  return { lead: 'Worried about a child? ', inSchool: `In school, ${inSchool}`, ...outside };
}

// ---------------------------------------------------------------------------
// A lesson's help

export interface LessonHelp {
  /** The lesson's audience. */
  audience: Audience;
  /** The ids the lesson lists, as written (unknown ones included). */
  ids: readonly string[];
  /**
   * The lesson's services (`signposts`), in its order, described to the
   * lesson's audience ({@link forReader}); unknown ids are left out (the check
   * reports them).
   */
  services: HelpService[];
  /** The route to the DSL; undefined without a school profile. */
  dsl?: DslRoute;
  /** The school's local services. */
  local: HelpService[];
}

/** The help a lesson points to. */
export function lessonHelp(lesson: Pick<Lesson, 'audience' | 'signposts'>, library: Library): LessonHelp {
  const ids = lesson.signposts ?? [];
  const dsl = dslRoute(library.school);
  return {
    audience: lesson.audience,
    ids,
    services: ids
      .map((id) => findService(library, id))
      .filter((s): s is HelpService => Boolean(s))
      .map((service) => forReader(service, lesson.audience)),
    ...(dsl ? { dsl } : {}),
    local: localServices(library),
  };
}

/**
 * "Outside school" on paper and on the site's handout: the footer's service
 * for the reader first, then the lesson's own, without repeats, each described
 * to that reader (a parent's letter for a pupils' lesson gets the adults' words).
 */
export function outsideSchool(help: LessonHelp, library: Library, reader: Audience): HelpService[] {
  const first = footerService(library, reader);
  const all = first ? [first, ...help.services] : help.services;
  return all
    .filter((service, index) => all.findIndex((s) => s.id === service.id) === index)
    .map((service) => forReader(service, reader));
}

/** The help slide's services: the lesson's own, or the footer's service for its audience when it lists none. */
export function slideServices(help: LessonHelp, library: Library): HelpService[] {
  if (help.ids.length) return help.services;
  const fallback = footerService(library, help.audience);
  return fallback ? [forReader(fallback, help.audience)] : [];
}

// ---------------------------------------------------------------------------
// Contacts in words

/**
 * How an output words a service's contacts. The outputs differed before
 * there was one model, and their bytes are kept: the site writes a YAML text
 * value that already says "Text …" as it is written and leaves out `www.`;
 * paper and slides start each contact with a lower-case verb and keep `www.`.
 */
export interface ContactStyle {
  /** The verb of a phone or text contact: "call …"/"text …", "Call …"/"Text …", or as the YAML words it. */
  verb: 'lower' | 'upper' | 'as-written';
  /** A web address: `short` leaves out `https://` and `www.`; `typed` only the scheme. */
  address: 'short' | 'typed';
  /** Email: listed always, only when there is no other way to reach the service, or never. */
  email: 'always' | 'when-nothing-else' | 'never';
  /** Between contacts on one line. */
  separator: string;
}

export const contactStyles = {
  /** Site pages and the web deck: "Childline (call 0800 1111 (free); childline.org.uk)". */
  site: { verb: 'as-written', address: 'short', email: 'when-nothing-else', separator: '; ' },
  /** PDFs: "Childline: call 0800 1111 (free), www.childline.org.uk". */
  print: { verb: 'lower', address: 'typed', email: 'always', separator: ', ' },
  /** Slide text (PowerPoint, its notes, slide fitting): as on paper, without email. */
  slides: { verb: 'lower', address: 'typed', email: 'never', separator: ', ' },
} as const satisfies Record<string, ContactStyle>;

/** A web address as people read it (see {@link ContactStyle.address}); no trailing slash. */
export function webAddress(url: string, form: ContactStyle['address']): string {
  const bare =
    form === 'short'
      ? url.replace(/^https:\/\//, '').replace(/^www\./, '')
      : url.replace(/^https?:\/\//, '').replace(/^mailto:/, '');
  return bare.replace(/\/$/, '');
}

function verbed(verb: 'call' | 'text', rest: string, written: string | undefined, style: ContactStyle['verb']): string {
  const word =
    style === 'upper'
      ? verb.charAt(0).toUpperCase() + verb.slice(1)
      : style === 'as-written' && written
        ? written
        : verb;
  return `${word}${rest}`;
}

/**
 * One contact in words: "call 0800 1111 (free)", "text SHOUT to 85258" (whether
 * or not the YAML value already starts with "Text"), "childline.org.uk".
 */
export function contactWords(contact: Contact, style: Pick<ContactStyle, 'verb' | 'address'>): string {
  switch (contact.kind) {
    case 'phone':
      return verbed('call', ` ${contact.value}`, undefined, style.verb);
    case 'text': {
      const written = /^text\b/i.exec(contact.value)?.[0];
      return written
        ? verbed('text', contact.value.slice(written.length), written, style.verb)
        : verbed('text', ` ${contact.value}`, undefined, style.verb);
    }
    case 'url':
      return webAddress(contact.value, style.address);
    default:
      return contact.value;
  }
}

/** The ways to reach a service (phone, text, web address, email), as data. */
export function waysToReach(service: HelpService): Contact[] {
  return service.contacts.filter((contact) => reachKinds.includes(contact.kind));
}

/** A contact as an output shows it: its words, and where a link goes (web addresses and email). */
export interface ContactPhrase {
  contact: Contact;
  words: string;
  href?: string;
}

/** How to reach a service in a style, in order: phone, text, web address, email (as the style says). */
export function contactPhrases(service: HelpService, style: ContactStyle): ContactPhrase[] {
  const reach = waysToReach(service);
  const others = reach.filter((contact) => contact.kind !== 'email');
  const shown =
    style.email === 'always' || (style.email === 'when-nothing-else' && others.length === 0) ? reach : others;
  return shown.map((contact) => ({
    contact,
    words: contactWords(contact, style),
    ...(contact.kind === 'url' ? { href: contact.value } : {}),
    ...(contact.kind === 'email' ? { href: `mailto:${contact.value}` } : {}),
  }));
}

/** How to reach a service on one line: "call 0800 1111 (free), www.childline.org.uk". */
export function contactLine(service: HelpService, style: ContactStyle): string {
  return contactPhrases(service, style)
    .map((phrase) => phrase.words)
    .join(style.separator);
}

/** A service and how to reach it on one line: "Childline: call 0800 1111 (free), www.childline.org.uk". */
export function serviceLine(service: HelpService, style: ContactStyle): string {
  const contacts = contactLine(service, style);
  return contacts ? `${service.name}: ${contacts}` : service.name;
}

/** A web address as printed on paper and read aloud: no `https://`, no trailing slash. */
export const printedAddress = (url: string): string => webAddress(url, contactStyles.print.address);

/**
 * The line under a service's name in a printed list of services: how to
 * reach it, the first way starting with a capital ("Call 0800 1111 (free)")
 * unless it is a link, and its hours after a full stop.
 */
export function printedContactLine(service: HelpService): { phrases: ContactPhrase[]; hours?: string } {
  const phrases = contactPhrases(service, contactStyles.print).map((phrase, index) =>
    index === 0 && !phrase.href
      ? { ...phrase, words: contactWords(phrase.contact, { ...contactStyles.print, verb: 'upper' }) }
      : phrase,
  );
  const hours = service.contacts.find((contact) => contact.kind === 'hours');
  return { phrases, ...(hours ? { hours: `. ${hours.value}` } : {}) };
}
