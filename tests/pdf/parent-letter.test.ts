import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { png } from '../helpers/png.ts';
import { exampleLesson, exampleLibrary, field, flat, pages, pdfsOf, poppler } from './helpers.ts';

const base = exampleLesson();
const letterOf = async (lesson: typeof base, library = exampleLibrary()) => {
  const { byName } = await pdfsOf(lesson, library);
  return flat(pages(byName.get(`${lesson.id}-parent-letter.pdf`)!).join(' '));
};

describe('parent and carer letter', () => {
  it("should include the lesson's own paragraph, what the child will learn, and that materials are available on request", async () => {
    const text = await letterOf(base);
    expect(text).toContain('Dear parent or carer');
    expect(text).toContain('This lesson helps your child spot online scams');
    expect(text).toContain('Being tricked by a scam is never something to be ashamed of.');
    expect(text).toContain('is available for you to see on request');
  });

  it('should not mention withdrawal when the lesson is not sex education', async () => {
    const text = await letterOf(base);
    expect(text).not.toMatch(/withdraw/i);
  });

  it('should explain the right to ask for withdrawal from sex education only, when sexEducation is true', async () => {
    const text = await letterOf({ ...base, sexEducation: true });
    expect(text).toContain(
      'you can ask to withdraw your child from sex education delivered as part of relationships, sex and health education (RSE)',
    );
    expect(text).toContain('but not from relationships education or health education');
    expect(text).toContain('please contact the school');
  });

  it("should use the school's name and DSL route from the school profile", async () => {
    const library = {
      ...exampleLibrary(),
      school: {
        name: 'Fernhill Example Academy',
        dslName: 'Ms Adaeze Okafor',
        dslContact: 'Student Support Centre, room S4',
      },
    };
    const text = await letterOf({ ...base, parentLetter: field('A *short* note from the lesson.') }, library);
    expect(text).toContain('A short note from the lesson.');
    expect(text).toContain('Ms Adaeze Okafor, our Designated Safeguarding Lead: Student Support Centre, room S4');
    expect(text).toContain('contact Fernhill Example Academy and ask for Ms Adaeze Okafor');
    expect(text).toMatch(/Yours faithfully, Fernhill Example Academy/);
  });

  it("should be signed as the school's profile says: the sign-off line, who signs, then the school's name", async () => {
    const library = {
      ...exampleLibrary(),
      school: { name: 'Fernhill Example Academy', dslContact: 'room S4', signOff: 'Mrs Patel, Head of PSHE' },
    };
    const text = await letterOf(base, library);
    expect(text).toMatch(/Yours faithfully, Mrs Patel, Head of PSHE Fernhill Example Academy/);
    expect(text).not.toMatch(/Signed\s+Name/);
  });

  it('should end with lines to sign, a name and a role, not "The PSHE team", without a school profile', async () => {
    const text = await letterOf(base);
    expect(text).not.toContain('The PSHE team');
    expect(text).toMatch(/Yours faithfully, Signed\s+Name\s+Role/);
    expect(text).not.toContain('Head of PSHE');
  });

  it('should not be made for staff or parent sessions', async () => {
    const { byName } = await pdfsOf({ ...base, audience: 'staff' });
    expect([...byName.keys()].some((name) => name.endsWith('parent-letter.pdf'))).toBe(false);
  });

  it("should head the letter with the school's logo, described for screen readers", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pshe-logo-'));
    const logo = path.join(dir, 'logo.png');
    writeFileSync(logo, png(300, 100));
    const library = {
      ...exampleLibrary(),
      school: { name: 'Fernhill Example Academy', dslContact: 'Student Support Centre, room S4', logo },
    };
    const { byName } = await pdfsOf(base, library);
    const bytes = byName.get(`${base.id}-parent-letter.pdf`)!;
    const images = poppler('pdfimages', bytes, ['-list']).split('\n').slice(2).filter(Boolean);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*1\s+0\s+image\s+300\s+100\b/);
    expect(Buffer.from(bytes).toString('latin1')).toContain('/Alt (Fernhill Example Academy logo)');
    // The letter itself still starts below it, whole.
    expect(flat(pages(bytes).join(' '))).toContain('Dear parent or carer');
  });
});
