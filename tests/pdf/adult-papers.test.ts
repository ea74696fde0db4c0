import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import type { Lesson, Library } from '../../src/lesson/types.ts';
import { outputsFor } from '../../src/outputs.ts';
import { renderLessonPdfs } from '../../src/pdf/index.ts';
import { flat, pageCount, pages, poppler } from './helpers.ts';

/** The shipped library, with its parent session and staff briefing. */
const library: Library = loadLibrary('lessons', { today: '2026-11-26' }).library;
const session = (audience: Lesson['audience']) => library.lessons.find((lesson) => lesson.audience === audience)!;
const parents = session('parents');
const staff = session('staff');

async function pdf(lesson: Lesson, suffix: string, lib: Library = library): Promise<Uint8Array> {
  const { files, diagnostics } = await renderLessonPdfs(lesson, lib);
  expect(diagnostics).toEqual([]);
  const file = files.find((f) => f.name === `${lesson.id}-${suffix}`);
  if (!file) throw new Error(`no ${suffix} for ${lesson.id}: ${files.map((f) => f.name).join(', ')}`);
  return file.bytes;
}
const text = (bytes: Uint8Array) => flat(pages(bytes).join(' '));

function expectAccessible(bytes: Uint8Array) {
  const info = poppler('pdfinfo', bytes);
  expect(info).toMatch(/Tagged:\s+yes/);
  const fonts = poppler('pdffonts', bytes).split('\n').slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThan(0);
  // Columns: name type encoding emb sub uni object ID.
  for (const line of fonts) expect(line.split(/\s+/).at(-5)).toBe('yes');
}

describe('registry', () => {
  it('should give parent sessions an invitation and staff sessions a training record, in their packs', () => {
    const ids = (audience: Lesson['audience']) => outputsFor(audience).map((o) => o.id);
    expect(ids('parents')).toContain('invitation-letter');
    expect(ids('staff')).toContain('training-record');
    expect(ids('pupils')).not.toContain('invitation-letter');
    expect(ids('pupils')).not.toContain('training-record');
    expect(ids('parents')).not.toContain('training-record');
    expect(ids('staff')).not.toContain('invitation-letter');
    for (const output of outputsFor('parents').filter((o) => /invitation|training/.test(o.id)))
      expect(output.inPack).toBe(true);
  });
});

describe('invitation to parents and carers', () => {
  it("should invite parents in the session's own words, with lines for when and where", async () => {
    const words = text(await pdf(parents, 'invitation-letter.pdf'));
    expect(words).toContain('An invitation to parents and carers');
    // The session's own letter text, whatever its wording (its first few words, as printed).
    const own = parents.parentLetter!.source.replace(/\s+/g, ' ').trim().split(' ').slice(0, 8).join(' ');
    expect(words).toContain(own);
    expect(words).toContain(parents.keyLearningPoints[0].replace(/\s+/g, ' ').slice(0, 60));
    expect(words).toMatch(/Date\s+Time\s+Place/);
  });

  it('should say no child will be discussed by name, how to see the materials and where to get help', async () => {
    const words = text(await pdf(parents, 'invitation-letter.pdf'));
    expect(words).toContain('will not be discussed by name');
    expect(words).toContain(`/lessons/${parents.id}/`);
    expect(words).toContain('Ask the school for a copy');
    expect(words).toContain('NSPCC Helpline');
    expect(words).toContain('0808 800 5000');
    expect(words).toContain('call 999');
  });

  it('should end with lines to sign, a name and a role, as the letter home does, when there is no school profile', async () => {
    const words = text(await pdf(parents, 'invitation-letter.pdf'));
    expect(words).not.toContain('The PSHE team');
    expect(words).toMatch(/Yours faithfully, Signed\s+Name\s+Role/);
  });

  it("should be signed by the profile's `signOff`, above the school's name, when it sets one", async () => {
    const withSchool: Library = {
      ...library,
      school: { name: 'Fernhill Example Academy', dslContact: 'room S4', signOff: 'Mr Daniel Osei, Head of PSHE' },
    };
    const words = text(await pdf(parents, 'invitation-letter.pdf', withSchool));
    expect(words).toMatch(/Yours faithfully, Mr Daniel Osei, Head of PSHE Fernhill Example Academy/);
    expect(words).not.toMatch(/Signed\s+Name/);
  });

  it("should sign with the school's name and DSL when there is a profile", async () => {
    const withSchool: Library = {
      ...library,
      school: { name: 'Fernhill Example Academy', dslName: 'Ms Adaeze Okafor', dslContact: 'room S4' },
    };
    const words = text(await pdf(parents, 'invitation-letter.pdf', withSchool));
    expect(words).toMatch(/Yours faithfully, Fernhill Example Academy/);
    expect(words).toContain('Ms Adaeze Okafor, our Designated Safeguarding Lead, will be there');
    expect(words).not.toMatch(/Signed\s+Name/);
  });

  it('should be tagged, en-GB, with fonts embedded, at most two pages, and the same bytes twice', async () => {
    const bytes = await pdf(parents, 'invitation-letter.pdf');
    expectAccessible(bytes);
    expect(pageCount(bytes)).toBeLessThanOrEqual(2);
    expect(Buffer.from(bytes).toString('latin1')).toContain('/Lang (en-GB)');
    expect(Buffer.from(await pdf(parents, 'invitation-letter.pdf')).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('staff training record', () => {
  it('should list what was covered, lines for date and trainer, and the next refresher', async () => {
    const words = text(await pdf(staff, 'training-record.pdf'));
    expect(words).toContain(staff.title);
    expect(words).toMatch(/Date\s+Trainer/);
    expect(words).toContain('What was covered');
    expect(words).toContain(staff.keyLearningPoints[0].replace(/\s+/g, ' ').slice(0, 50));
    expect(words).toContain('Next refresher due');
    expect(words).toContain('Keeping children safe in education (KCSIE)');
  });

  it('should have a Name, Role and Signature table of 25 numbered rows, its header repeated on each page', async () => {
    const bytes = await pdf(staff, 'training-record.pdf');
    const each = pages(bytes);
    const headers = each.filter((page) => /No\.\s+Name\s+Role\s+Signature/.test(page)).length;
    expect(headers).toBe(each.length);
    const numbers = each
      .join('\n')
      .split('\n')
      .map((line) => /^\s*(\d+)\s*$/.exec(line)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('should be tagged with fonts embedded and give the same bytes twice', async () => {
    const bytes = await pdf(staff, 'training-record.pdf');
    expectAccessible(bytes);
    expect(Buffer.from(await pdf(staff, 'training-record.pdf')).equals(Buffer.from(bytes))).toBe(true);
  });
});
