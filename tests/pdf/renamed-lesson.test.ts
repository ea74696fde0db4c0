import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { renderLessonPdfs } from '../../src/pdf/index.ts';
import { flat, pages } from './helpers.ts';

/**
 * The example library, with Ava (the scams lesson's scenario) also named in a
 * quiz question, the DSL notes, the slide notes, the practice and the letter
 * home, her friend Leo beside her, and "Avatars", which only starts like her name.
 */
function library(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'pshe-renamed-')), 'library');
  cpSync('examples/library', dir, { recursive: true });
  const file = path.join(dir, 'staying-safe-online', 'spotting-online-scams.yaml');
  const edits: [string, string][] = [
    ['  - question: What should you do first', '  - question: What should Ava do first'],
    [
      'dslNotes: |\n',
      "dslNotes: |\n  Ava's story is invented: if a pupil is called Ava, rename the character first.\n",
    ],
    ['Ask pupils for an example of each', "Remind pupils of Ava's message. Ask pupils for an example of each"],
    [
      '      Write down two warning signs',
      '      Ava tells her friend Leo. Avatars can hide who sent a message.\n\n      Write down two warning signs',
    ],
    [
      'This lesson helps your child spot online scams',
      'Through the story of Ava, this lesson helps your child spot online scams',
    ],
  ];
  let yaml = readFileSync(file, 'utf8');
  for (const [find, replace] of edits) {
    if (!yaml.includes(find)) throw new Error(`the example lesson no longer holds ${JSON.stringify(find)}`);
    yaml = yaml.replace(find, replace);
  }
  writeFileSync(file, `${yaml}characters: [Leo]\n`);
  return dir;
}

const dir = library();

const made = new Map<string, Promise<Map<string, string>>>();

/** The text of each of the lesson's PDFs, by suffix, loaded with `renames` as `pshe build --rename` loads (once per set). */
function texts(renames: Record<string, string>): Promise<Map<string, string>> {
  const key = JSON.stringify(renames);
  if (!made.has(key)) made.set(key, render(renames));
  return made.get(key)!;
}

async function render(renames: Record<string, string>) {
  const { library: loaded, diagnostics } = loadLibrary(dir, { today: '2026-11-26', renames });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const lesson = loaded.lessons.find((l) => l.id === 'spotting-online-scams')!;
  const { files, diagnostics: problems } = await renderLessonPdfs(lesson, loaded);
  expect(problems.filter((d) => d.severity === 'error')).toEqual([]);
  return new Map(files.map((f) => [f.name.replace(`${lesson.id}-`, ''), flat(pages(f.bytes).join(' '))]));
}

const shown = ['lesson-plan.pdf', 'handout.pdf', 'slides-with-notes.pdf', 'parent-letter.pdf', 'dsl-briefing.pdf'];

describe('PDFs of a lesson whose characters were renamed', () => {
  it('should say Ava before renaming (the test would see a missing rename)', async () => {
    const before = await texts({});
    for (const name of shown) expect(before.get(name), name).toMatch(/\bAva\b/);
  });

  it('should say the new name in the plan, handout, slides with notes, letter home and DSL briefing, never the old', async () => {
    const after = await texts({ Ava: 'Zoe' });
    for (const name of shown) {
      expect(after.get(name), name).toMatch(/\bZoe\b/);
      expect(after.get(name), name).not.toMatch(/\bAva\b/);
    }
    const plan = after.get('lesson-plan.pdf')!;
    // The quiz question, the DSL note (a possessive) and the scenario.
    expect(plan).toContain('What should Zoe do first if a message feels wrong?');
    expect(plan).toContain("Zoe's story is invented: if a pupil is called Zoe, rename the character first.");
    expect(plan).toContain('Zoe gets a message saying she has won a gaming voucher.');
    expect(after.get('handout.pdf')).toContain("Write down two warning signs in Zoe's message.");
    expect(after.get('slides-with-notes.pdf')).toContain("Remind pupils of Zoe's message.");
    expect(after.get('slides-with-notes.pdf')).toContain('What should Zoe do first');
    expect(after.get('parent-letter.pdf')).toContain('Through the story of Zoe, this lesson helps your child');
    expect(after.get('dsl-briefing.pdf')).toContain("Zoe's story is invented");
  });

  it('should leave a word that only starts like the name as it was', async () => {
    const after = await texts({ Ava: 'Zoe' });
    expect(after.get('handout.pdf')).toContain('Avatars can hide who sent a message.');
    expect(after.get('handout.pdf')).not.toContain('Zoetars');
  });

  it('should swap two characters when each is renamed to the other', async () => {
    const swapped = await texts({ Ava: 'Leo', Leo: 'Ava' });
    const handout = swapped.get('handout.pdf')!;
    expect(handout).toContain('Leo gets a message saying she has won a gaming voucher.');
    expect(handout).toContain('Leo tells her friend Ava.');
    expect(handout).toContain("Write down two warning signs in Leo's message.");
  });
});
