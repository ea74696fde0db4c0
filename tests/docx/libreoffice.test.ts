import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { handoutOutline } from '../../src/documents/handout.ts';
import { lessonPlanOutline } from '../../src/documents/lesson-plan.ts';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { docxParts, wordDocumentsOf } from './docx-parts.ts';

/**
 * The Word documents open in an office suite: LibreOffice Writer converts
 * them headless (it refuses, or loses text from, a file Word would repair),
 * and a teacher's edit (a question reworded, a line added to write on) keeps
 * the document whole. LibreOffice is a test dependency
 * (scripts/ensure-system-deps.ts installs it): this test never skips.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'pshe-docx-lo-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function throughWriter(bytes: Uint8Array, name: string): { pages: number; text: string } {
  const dir = mkdtempSync(path.join(scratch, 'run-'));
  const input = path.join(dir, `${name}.docx`);
  writeFileSync(input, bytes);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const pdf = path.join(dir, `${name}.pdf`);
  expect(readdirSync(dir)).toContain(`${name}.pdf`);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  return { pages, text: execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ') };
}

const { library } = loadLibrary('lessons', { today: '2026-12-01' });
const lesson = library.lessons.find((l) => l.id === 'sextortion-and-deepfakes')!;

describe('the Word documents in LibreOffice Writer', () => {
  it('should open the handout and the plan with every section heading, in order', async () => {
    const documents = await wordDocumentsOf(lesson, library);
    const outlines = { handout: handoutOutline(lesson, library), plan: lessonPlanOutline(lesson, library) };
    for (const which of ['handout', 'plan'] as const) {
      const { pages, text } = throughWriter(documents[which], `${lesson.id}-${which}`);
      expect(pages, which).toBeGreaterThan(1);
      let from = 0;
      for (const block of outlines[which].blocks) {
        if (block.type !== 'section') continue;
        const at = text.indexOf(block.title, from);
        expect(at, `${which}: "${block.title}"`).toBeGreaterThanOrEqual(0);
        from = at;
      }
      expect(text).toMatch(/Outside school: (Childline|NSPCC)/);
    }
  }, 240_000);

  it('should stay whole when a teacher rewords a question and adds a line to write on', async () => {
    const { handout } = await wordDocumentsOf(lesson, library);
    const parts = docxParts(handout);
    const body = parts.get('word/document.xml')!;
    const question = lesson.exitQuiz![0].question;
    expect(body).toContain(question);
    const line = /<w:p><w:pPr><w:pStyle w:val="WritingLine"\/><\/w:pPr><\/w:p>/.exec(body)![0];
    const lines = body.split(line).length - 1;
    // What Word writes when the text is edited and Enter is pressed on a writing line.
    const edited = body
      .replace(question, 'Which of these would you tell a trusted adult about first?')
      .replace(line, line + line.replace('</w:p>', '<w:r><w:t>Extra space for Sam</w:t></w:r></w:p>'));
    const zipped = zipSync(
      Object.fromEntries(
        Object.entries(unzipSync(handout)).map(([name, data]) => [
          name,
          name === 'word/document.xml' ? strToU8(edited) : data,
        ]),
      ),
    );
    expect(edited.split('<w:pStyle w:val="WritingLine"/>').length - 1).toBe(lines + 1);
    const { text } = throughWriter(zipped, 'edited');
    expect(text).toContain('Which of these would you tell a trusted adult about first?');
    expect(text).toContain('Extra space for Sam');
    expect(text).not.toContain(question);
  }, 240_000);
});
