import { beforeAll, describe, expect, it } from 'vitest';
import {
  forReader,
  helpService,
  helpsWithFor,
  isAdultReader,
  lessonHelp,
  outsideSchool,
  serviceDescription,
  slideServices,
} from '../../src/lesson/help.ts';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import type { Library, Signpost } from '../../src/lesson/types.ts';

let library: Library;
let services: Signpost[];

beforeAll(() => {
  library = loadLibrary('lessons', { today: '2026-12-01' }).library;
  services = library.signposts;
});

const byId = (id: string) => services.find((service) => service.id === id)!;

describe('signposts.yaml: words for pupils and for adults', () => {
  it("gives adults' words to every service whose pupils' words speak to the reader as 'you'", () => {
    for (const service of services) {
      if (/\byou(r|rself)?\b/i.test(service.helpsWith))
        expect(service.helpsWithAdults, `${service.id}: helpsWithAdults`).toBeTruthy();
    }
  });

  it("words the adults' descriptions for adults (no 'you')", () => {
    for (const service of services) {
      if (service.helpsWithAdults) expect(service.helpsWithAdults, service.id).not.toMatch(/\byou(r|rself)?\b/i);
    }
  });

  it('never suggests that there is a safe way for under-18s to share nude pictures', () => {
    for (const service of services) {
      for (const words of [service.helpsWith, service.helpsWithAdults ?? '']) {
        expect(words, service.id).not.toMatch(
          /(shar(e|ing)|send(ing)?)\s+(\w+\s+)?(pictures|photos|images|nudes)\s+safely/i,
        );
      }
    }
  });

  it('keeps CEOP to its remit: sexual abuse and grooming, not any threat', () => {
    const ceop = byId('ceop');
    expect(ceop.helpsWith).not.toMatch(/threatens you\b/i);
    expect(ceop.helpsWith).toMatch(/sex/i);
    expect(ceop.helpsWithAdults).toMatch(/grooming/i);
  });

  it('tells staff that ACT Early concerns go through the DSL first', () => {
    expect(byId('act-early').helpsWithAdults).toMatch(/Designated Safeguarding Lead first/);
  });

  it('lists the Professionals Online Safety Helpline for staff', () => {
    const posh = byId('professionals-online-safety-helpline');
    expect(posh.name).toMatch(/Professionals Online Safety Helpline/);
    expect(posh.phone).toBeTruthy();
    expect(posh.source).toMatch(/saferinternet\.org\.uk/);
  });

  it('names only public pages and dates as sources, never internal notes', () => {
    for (const service of services) {
      expect(service.source, service.id).toBeTruthy();
      expect(service.source, service.id).not.toMatch(/\b(law|domain|design)\.md\b|\bsource \d+\b|cited in|research\//i);
      // verifiedOn is a date some copy showed, on or before the re-check (2026-12-01).
      expect(service.verifiedOn <= '2026-12-01', service.id).toBe(true);
    }
  });
});

describe('the help model words a service for its reader', () => {
  const childline = () => helpService(byId('childline'));

  it("adults (staff, parents) get the adults' words; pupils the pupils'", () => {
    expect(isAdultReader('pupils')).toBe(false);
    expect(isAdultReader('staff')).toBe(true);
    expect(isAdultReader('parents')).toBe(true);
    const service = childline();
    expect(service.helpsWithAdults).toBeTruthy();
    expect(helpsWithFor(service, 'pupils')).toBe(service.helpsWith);
    expect(helpsWithFor(service, 'parents')).toBe(service.helpsWithAdults);
    expect(helpsWithFor(service, 'staff')).toBe(service.helpsWithAdults);
    expect(helpsWithFor({ helpsWith: 'Only one.' }, 'parents')).toBe('Only one.');
  });

  it('remembers whom a lesson, a paper and a slide describe the service to', () => {
    const pupils = lessonHelp({ audience: 'pupils', signposts: ['childline', 'shout'] }, library);
    expect(pupils.services.every((s) => s.reader === 'pupils')).toBe(true);
    expect(serviceDescription(pupils.services[0]!)).toBe(byId('childline').helpsWith);
    // The letter home for a pupils' lesson: every service in the adults' words.
    const home = outsideSchool(pupils, library, 'parents');
    expect(home.map((s) => s.reader)).toEqual(home.map(() => 'parents'));
    expect(serviceDescription(home.find((s) => s.id === 'childline')!)).toBe(byId('childline').helpsWithAdults);
    // An adult session's slides and pages.
    const session = lessonHelp({ audience: 'parents', signposts: undefined }, library);
    expect(slideServices(session, library)[0]!.reader).toBe('parents');
    // A service looked up by id has no reader: the caller's fallback decides.
    expect(serviceDescription(childline(), 'staff')).toBe(byId('childline').helpsWithAdults);
    expect(serviceDescription(forReader(childline(), 'pupils'), 'staff')).toBe(byId('childline').helpsWith);
  });
});
