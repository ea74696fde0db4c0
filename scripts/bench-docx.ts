// `node scripts/bench-docx.ts [LIBRARY] [ROUNDS]`: how long one lesson's two Word documents (the
// handout and the plan, src/docx) take, against the same two documents as PDFs (src/pdf) in the
// same run. Prints the median ms per lesson of each. Goal (issue 16): both Word documents in at
// most 20 ms a lesson on this machine.
//   node scripts/bench-docx.ts                  # the shipped lessons, 8 rounds
//   node scripts/bench-docx.ts examples/library 20
import path from 'node:path';
import { renderHandoutDocx, renderLessonPlanDocx } from '../src/docx/index.ts';
import { lessonImageScope, readLibraryImage } from '../src/library-file.ts';
import { loadLibrary } from '../src/lesson/load-library.ts';
import { newRun } from '../src/pdf/context.ts';
import { renderHandout } from '../src/pdf/documents/handout.ts';
import { renderLessonPlan } from '../src/pdf/documents/lesson-plan.ts';
import { median } from './median.ts';

const libraryDir = process.argv[2] ?? 'lessons';
const rounds = Math.max(3, Number(process.argv[3] ?? 8));
const WARM_UP = 2;

const { library } = loadLibrary(libraryDir, { today: new Date().toISOString().slice(0, 10) });
const word: number[] = [];
const pdf: number[] = [];
let bytes = 0;
for (let round = 0; round < rounds; round++) {
  for (const lesson of library.lessons) {
    const readImage = (url: string) => {
      const read = readLibraryImage(lessonImageScope(path.dirname(lesson.file)), url);
      return { image: read.image, problem: read.problem?.reason };
    };
    // Interleaved, so a busy moment on the machine falls on both alike.
    let started = performance.now();
    const handout = await renderHandoutDocx(lesson, library, { readImage });
    const plan = await renderLessonPlanDocx(lesson, library, { readImage });
    const wordMs = performance.now() - started;
    started = performance.now();
    await renderHandout(newRun(lesson, library));
    await renderLessonPlan(newRun(lesson, library));
    const pdfMs = performance.now() - started;
    if (round >= WARM_UP) {
      word.push(wordMs);
      pdf.push(pdfMs);
      bytes += handout.length + plan.length;
    }
  }
}
const lessons = word.length;
console.log(
  `Word handout + plan, ${library.lessons.length} lessons of ${libraryDir}, ${lessons} renders after warm-up:`,
);
console.log(
  `  Word (docx):  median ${median(word).toFixed(1)} ms a lesson (goal ≤ 20 ms), ${(bytes / lessons / 1024).toFixed(0)} KB`,
);
console.log(`  PDF (pdfkit): median ${median(pdf).toFixed(1)} ms a lesson for the same two documents`);
// Machines here differ by up to twofold from one session to the next; the ratio to the PDFs, measured in the
// same run, is what compares across sessions (about a third when the goal was first met, about a
// fifth since the body, tables and list definitions are written by PSHE Kit: docs/benchmarks.md).
console.log(`  Word / PDF:   ${(median(word) / median(pdf)).toFixed(2)} of the PDFs' time`);
