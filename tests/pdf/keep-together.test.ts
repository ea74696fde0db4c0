/**
 * Keep-with-next in the handout PDFs of the shipped library: a heading is never
 * the last thing on a page, and an exit-quiz question is on the same page as
 * all of its options. Read back page by page with pdftotext, as a reader sees it.
 */
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { quizOptions } from '../../src/slides/index.ts';
import { newRun } from '../../src/pdf/context.ts';
import { renderHandout } from '../../src/pdf/documents/handout.ts';
import { pages } from './helpers.ts';

const { library } = loadLibrary('lessons', { today: '2026-11-26' });
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A page's text without the running footer (the help line, the title and "Page n of m"). */
const body = (page: string) => {
  const lines = page.split('\n').filter((line) => line.trim());
  const footer = lines.findIndex((line) => line.startsWith('Need help?'));
  return footer === -1 ? lines : lines.slice(0, footer);
};

describe.each(library.lessons.map((lesson) => [lesson.id, lesson] as const))('handout of %s', (_id, lesson) => {
  let rendered: Promise<string[]> | undefined;
  const handoutPages = () => (rendered ??= renderHandout(newRun(lesson, library)).then((bytes) => pages(bytes)));

  it('should never leave a section heading as the last line of a page', async () => {
    const headings = [
      'Key words',
      'Before we start',
      'At the end',
      'Exit quiz',
      'Where to get help',
      ...lesson.cycles.map((c) => c.title),
    ];
    const all = await handoutPages();
    all.slice(0, -1).forEach((page, index) => {
      const last = squash(body(page).at(-1) ?? '');
      expect(headings, `page ${index + 1} ends with a heading`).not.toContain(last);
    });
  });

  it('should print each exit-quiz question on the same page as all its options', async () => {
    if (!lesson.exitQuiz) return;
    const all = (await handoutPages()).map((page) => squash(body(page).join(' ')));
    for (const question of lesson.exitQuiz) {
      const start = squash(question.question).slice(0, 40);
      const page = all.find((text) => text.includes(start));
      expect(page, `question "${start}" is in the handout`).toBeDefined();
      for (const option of quizOptions(lesson.id, question)) {
        expect(page, `"${start}" and its option "${option.text}" on one page`).toContain(
          squash(option.text).slice(0, 30),
        );
      }
    }
  });
});
