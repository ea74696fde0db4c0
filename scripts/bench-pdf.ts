// `npx node scripts/bench-pdf.ts [LIBRARY] [DOCS]`: how long a pupil handout takes with pdfkit
// (src/pdf), and how long the same content takes through headless Chromium's `page.pdf()`
// (playwright-core and /usr/bin/chromium), in the same run. Prints the median ms per handout
// of each and the ratio. Goal: at most 15 ms per handout, and at least 4× faster than Chromium.
//   npx node scripts/bench-pdf.ts                       # examples/library, 60 handouts each
//   npx node scripts/bench-pdf.ts lessons 100
import type { Nodes as HastNodes } from 'hast';
import type { Nodes, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toHast } from 'mdast-util-to-hast';
import type { State } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { chromium } from 'playwright-core';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { loadLibrary } from '../src/lesson/load-library.ts';
import type { Lesson, Library } from '../src/lesson/types.ts';
import { newRun } from '../src/pdf/context.ts';
import { renderHandout } from '../src/pdf/documents/handout.ts';
import { sharedLayoutCacheStats } from '../src/pdf/shared-layout-cache.ts';
import { findService, serviceLine } from '../src/pdf/signposts.ts';
import { median } from './median.ts';

const libraryDir = process.argv[2] ?? 'examples/library';
const docs = Math.max(50, Number(process.argv[3] ?? 60));
const WARM_UP = 5;

/** The lessons in turn, as many times as needed for `count` documents. */
const rounds = <T>(items: T[], count: number) => Array.from({ length: count }, (_, i) => items[i % items.length]);

// ---- the same handout as HTML, from the same mdast (simple HTML, print CSS) ----

const stringify = unified().use(rehypeStringify);

function fieldHtml(field: { tree: { children: RootContent[] } } | undefined, library: Library): string {
  if (!field) return '';
  const handlers = {
    containerDirective: (state: State, node: ContainerDirective) =>
      node.name === 'teacher'
        ? undefined
        : {
            type: 'element' as const,
            tagName: 'div',
            properties: { className: ['box', node.name] },
            children: [
              {
                type: 'element' as const,
                tagName: 'p',
                properties: { className: ['label'] },
                children: [
                  {
                    type: 'text' as const,
                    value: node.attributes?.name ? `Scenario: ${node.attributes.name}` : node.name,
                  },
                ],
              },
              ...state.all(node),
            ],
          },
    leafDirective: (_state: State, node: LeafDirective) => ({
      type: 'element' as const,
      tagName: 'div',
      properties: { className: ['lines'], style: `height:${Number(node.attributes?.count ?? 3) * 26}pt` },
      children: [],
    }),
    textDirective: (_state: State, node: TextDirective) => {
      const service = findService(library, toString(node).trim());
      return { type: 'text' as const, value: service ? serviceLine(service) : toString(node) };
    },
  };
  const hast = toHast({ type: 'root', children: field.tree.children } as Nodes, { handlers } as never);
  return stringify.stringify(hast as HastNodes as never);
}

function handoutHtml(lesson: Lesson, library: Library): string {
  const help = [...new Set(['childline', ...(lesson.signposts ?? [])])]
    .map((id) => findService(library, id))
    .filter((s) => s !== undefined)
    .map((s) => `<li><b>${s.name}</b>: ${s.helpsWith}<br>${serviceLine(s)}</li>`)
    .join('');
  const quiz = (lesson.exitQuiz ?? [])
    .map(
      (q) =>
        `<li><b>${q.question}</b><ol type="A">${[...q.answers, ...q.distractors].map((a) => `<li>☐ ${a}</li>`).join('')}</ol></li>`,
    )
    .join('');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${lesson.title}: handout</title><style>
    @page { size: A4; margin: 66pt 58pt 80pt; }
    body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; line-height: 1.35; color: #1a1a1a; }
    h1 { color: #1d5c63; font-size: 21pt; } h2 { color: #1d5c63; font-size: 15.5pt; break-after: avoid; }
    table { border-collapse: collapse; width: 100%; } th, td { border: 0.6pt solid #bbb; padding: 5pt; text-align: left; vertical-align: top; }
    th { background: #dde8e9; } .box { background: #eef5f6; border-left: 3.5pt solid #1d5c63; padding: 9pt; margin: 7pt 0; }
    .label { font-weight: bold; color: #1d5c63; margin: 0 0 4pt; }
    .lines { background: repeating-linear-gradient(transparent 0 25pt, #bbb 25pt 26pt); }
    footer { position: fixed; bottom: -50pt; font-size: 8.5pt; border-top: 0.6pt solid #bbb; }
  </style></head><body>
  <footer><b>Need help?</b> Talk to any member of staff, or your school's Designated Safeguarding Lead. ${
    findService(library, 'childline') ? serviceLine(findService(library, 'childline')!) : ''
  }</footer>
  <h1>${lesson.title}</h1><p><b>Today's aim:</b> ${lesson.learningOutcome}</p>
  <h2>Key words</h2><table><tr><th>Key word</th><th>What it means</th></tr>${lesson.keywords
    .map((k) => `<tr><td>${k.keyword}</td><td>${k.definition}</td></tr>`)
    .join('')}</table>
  ${lesson.baseline ? `<h2>Before we start</h2>${fieldHtml(lesson.baseline.activity, library)}` : ''}
  ${lesson.cycles.map((c) => (c.practice ? `<h2>${c.title}</h2>${fieldHtml(c.practice, library)}` : '')).join('')}
  ${lesson.endpoint ? `<h2>At the end</h2>${fieldHtml(lesson.endpoint.activity, library)}` : ''}
  ${quiz ? `<h2>Exit quiz</h2><ol>${quiz}</ol>` : ''}
  <h2>Where to get help</h2><div class="box"><ul>${help}</ul><p><b>You will never be in trouble for asking for help.</b></p></div>
  </body></html>`;
}

// ---- the two engines ----

async function timePdfkit(lessons: Lesson[], library: Library): Promise<{ median: number; bytes: number }> {
  for (const lesson of rounds(lessons, WARM_UP)) await renderHandout(newRun(lesson, library));
  const times: number[] = [];
  let bytes = 0;
  for (const lesson of rounds(lessons, docs)) {
    const started = performance.now();
    const pdf = await renderHandout(newRun(lesson, library));
    times.push(performance.now() - started);
    bytes += pdf.byteLength;
  }
  return { median: median(times), bytes: bytes / docs };
}

async function timeChromium(lessons: Lesson[], library: Library): Promise<{ median: number; bytes: number }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    const print = async (lesson: Lesson) => {
      await page.setContent(handoutHtml(lesson, library));
      return page.pdf({ format: 'A4', tagged: true, printBackground: true });
    };
    for (const lesson of rounds(lessons, WARM_UP)) await print(lesson);
    const times: number[] = [];
    let bytes = 0;
    for (const lesson of rounds(lessons, docs)) {
      const started = performance.now();
      const pdf = await print(lesson);
      times.push(performance.now() - started);
      bytes += pdf.byteLength;
    }
    return { median: median(times), bytes: bytes / docs };
  } finally {
    await browser.close();
  }
}

const { library } = loadLibrary(libraryDir);
const lessons = library.lessons.filter((lesson) => lesson.cycles.length);
if (!lessons.length) throw new Error(`No lessons loaded from ${libraryDir}`);

const pdfkit = await timePdfkit(lessons, library);
const browser = await timeChromium(lessons, library);
const cache = sharedLayoutCacheStats();
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
console.log(
  `Handouts from ${libraryDir}: ${lessons.length} lesson(s), ${docs} documents per engine after ${WARM_UP} warm-up`,
);
console.log(`pdfkit (src/pdf):   median ${pdfkit.median.toFixed(1)} ms per handout, ${kib(pdfkit.bytes)} on average`);
console.log(
  `Chromium page.pdf(): median ${browser.median.toFixed(1)} ms per handout, ${kib(browser.bytes)} on average`,
);
console.log(`Ratio: pdfkit is ${(browser.median / pdfkit.median).toFixed(1)}× faster than Chromium`);
console.log(
  `Shared layout cache: ${cache.patched ? 'applied' : 'NOT applied'}, ${cache.hits} hits, ${cache.misses} misses`,
);
console.log(
  `Goals: ≤ 15 ms per handout ${pdfkit.median <= 15 ? 'met' : 'NOT met'}; ≥ 4× faster than Chromium ${
    browser.median / pdfkit.median >= 4 ? 'met' : 'NOT met'
  }`,
);
