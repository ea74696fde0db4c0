import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { newRun } from '../../src/pdf/context.ts';
import { renderHandout } from '../../src/pdf/documents/handout.ts';
import { renderLessonPlan } from '../../src/pdf/documents/lesson-plan.ts';
import { docxParts, paragraphTexts, wordDocumentsOf } from './docx-parts.ts';

/**
 * The Word documents say what the PDFs say: for the handout and the plan of
 * every shipped lesson, the words of the DOCX body (word/document.xml) and of
 * the PDF (pdftotext) are the same, in the same order. Left out of the
 * comparison, as page furniture: the running head and page numbers, the help
 * line at the foot of every page, list numbers (Word numbers lists itself),
 * and a table's header row where the PDF repeats it on a new page. Words are
 * compared with spaces and punctuation removed, since the PDF's line breaks
 * split or join hyphenated words.
 */
const { library } = loadLibrary('lessons', { today: '2026-12-01' });
const scratch = mkdtempSync(path.join(tmpdir(), 'pshe-docx-same-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const words = (text: string) =>
  (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter(
    // List numbers and the quiz's letters, which the PDF prints and Word numbering does not hold as text.
    (word) => !/^\d{1,2}$/.test(word) && !/^[a-e]$/.test(word),
  );

function without(list: string[], sequence: string[]): string[] {
  if (!sequence.length) return list;
  const kept: string[] = [];
  for (let i = 0; i < list.length;) {
    if (sequence.every((word, k) => list[i + k] === word)) i += sequence.length;
    else kept.push(list[i++]);
  }
  return kept;
}

function pdfText(bytes: Uint8Array, name: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The header rows of the document's tables, as words. */
const tableHeaders = (xml: string) =>
  [...xml.matchAll(/<w:tr\b(?:(?!<\/w:tr>)[\s\S])*?<w:tblHeader\/>[\s\S]*?<\/w:tr>/g)].map((row) =>
    words(paragraphTexts(row[0]).join(' ')),
  );

describe('the Word documents against the PDFs', () => {
  it('should ship lessons to compare', () => {
    expect(library.lessons.length).toBeGreaterThanOrEqual(13);
  });

  it.each(library.lessons.map((lesson) => [lesson.id, lesson] as const))(
    'should hold the same words in the same order as the PDFs: %s',
    async (_id, lesson) => {
      const docs = await wordDocumentsOf(lesson, library);
      const pdfs = {
        handout: await renderHandout(newRun(lesson, library)),
        plan: await renderLessonPlan(newRun(lesson, library)),
      };
      for (const which of ['handout', 'plan'] as const) {
        const parts = docxParts(docs[which]);
        const body = parts.get('word/document.xml')!;
        const footer = words(paragraphTexts(parts.get('word/footer1.xml')!).join(' '));
        const header = words(
          paragraphTexts(parts.get('word/header1.xml')!)
            .join(' ')
            .replace(/Page.*$/, ''),
        );
        let docx = words(paragraphTexts(body).join('\n'));
        let pdf = words(pdfText(pdfs[which], `${lesson.id}-${which}.pdf`).replace(/Page \d+ of \d+/g, ''));
        pdf = without(without(pdf, footer), header);
        for (const row of tableHeaders(body)) {
          docx = without(docx, row);
          pdf = without(pdf, row);
        }
        const [a, b] = [docx.join(''), pdf.join('')];
        let at = 0;
        while (at < a.length && a[at] === b[at]) at++;
        expect(
          a === b ? 'same' : `Word "…${a.slice(at - 40, at + 40)}…" / PDF "…${b.slice(at - 40, at + 40)}…"`,
          `${lesson.id}, ${which}`,
        ).toBe('same');
        // Not a comparison of two empty texts.
        expect(docx.length, which).toBeGreaterThan(500);
      }
    },
    60_000,
  );
});
