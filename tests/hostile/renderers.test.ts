import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import type { Lesson, MarkdownField } from '../../src/lesson/types.ts';
import { parseMarkdown } from '../../src/markdown/processor.ts';
import { renderDownloads } from '../../src/pipeline/render-downloads.ts';
import type { Sandbox } from './harness.ts';
import { makeSandbox } from './harness.ts';

/**
 * Defence in depth: `pshe check` stops oversized content before anything
 * renders, but a renderer handed it anyway (a model built by other code, a
 * check that missed a case) must still finish in bounded time. Each case puts
 * content far past the limits straight into a loaded lesson's summary and
 * renders every download.
 */
/** CPU time of this test's process, so a busy machine does not fail it. */
const RENDER_MS = 10_000;

const sandboxes: Sandbox[] = [];
afterAll(() => {
  for (const sandbox of sandboxes) rmSync(sandbox.root, { recursive: true, force: true });
});

const table = (rows: number, columns: number) => {
  const row = `${'|x'.repeat(columns)}|`;
  return [row, `${'|-'.repeat(columns)}|`, ...Array.from({ length: rows }, () => row)].join('\n');
};

const cases: [string, string][] = [
  ['one word of 60,000 characters', `A long word: ${'a'.repeat(60_000)}`],
  ['a table of 200 rows and 30 columns', table(200, 30)],
  ['a list nested 200 deep', `${'- '.repeat(200)}deep`],
  ['control characters', 'Before\u000b\u0007\u001b[31mafter'],
];

describe('renderers given content past the limits', () => {
  it.each(cases)(
    'should render %s within the budget',
    async (_name, markdown) => {
      const sandbox = makeSandbox();
      sandboxes.push(sandbox);
      const { library } = loadLibrary(sandbox.library, { today: '2026-12-01' });
      const [loaded] = library.lessons;
      expect(loaded).toBeDefined();
      const summary: MarkdownField = { source: markdown, tree: parseMarkdown(markdown).tree };
      const lesson: Lesson = { ...loaded, summary };
      library.lessons = [lesson];
      const started = performance.now();
      const rendered = await renderDownloads(lesson, library);
      expect(performance.now() - started).toBeLessThan(RENDER_MS);
      const names = rendered.files.map((file) => file.name);
      for (const name of ['slides.pptx', 'handout.docx', 'lesson-plan.docx'])
        expect(names).toContain(`${lesson.id}-${name}`);
    },
    60_000,
  );
});
