import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import type { Lesson, Library, MarkdownField } from '../../src/lesson/types.ts';
import { parseMarkdown } from '../../src/markdown/processor.ts';
import { renderLessonPdfs } from '../../src/pdf/index.ts';

let library: Library | undefined;

/** The example library (2 pupil lessons), loaded once per test file. */
export function exampleLibrary(): Library {
  library ??= loadLibrary('examples/library', { today: '2026-11-26' }).library;
  return library;
}

export function exampleLesson(id = 'spotting-online-scams'): Lesson {
  const lesson = exampleLibrary().lessons.find((l) => l.id === id);
  if (!lesson) throw new Error(`no example lesson ${id}`);
  return lesson;
}

/** A markdown field as the loader makes it (parsed once, here in the test). */
export function field(markdown: string): MarkdownField {
  return { source: markdown, tree: parseMarkdown(markdown).tree };
}

/**
 * The example lesson with one cycle, `practice` its practice, its file in a new folder that
 * holds `images` (name → bytes), for markdown that shows them.
 */
export function lessonWithImages(
  practice: string,
  images: Record<string, Uint8Array>,
): { lesson: Lesson; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-images-'));
  for (const [name, bytes] of Object.entries(images)) writeFileSync(path.join(dir, name), bytes);
  const base = exampleLesson();
  const lesson = {
    ...base,
    file: path.join(dir, 'lesson.yaml'),
    cycles: [{ ...base.cycles[0], practice: field(practice) }],
  };
  return { lesson, dir };
}

const rendered = new WeakMap<Lesson, WeakMap<Library, ReturnType<typeof renderLessonPdfs>>>();

/** All PDFs of a lesson by file name, rendered once per lesson and library object. */
export async function pdfsOf(lesson: Lesson, lib: Library = exampleLibrary()) {
  let byLibrary = rendered.get(lesson);
  if (!byLibrary) rendered.set(lesson, (byLibrary = new WeakMap()));
  if (!byLibrary.has(lib)) byLibrary.set(lib, renderLessonPdfs(lesson, lib));
  const { files, diagnostics } = await byLibrary.get(lib)!;
  return { byName: new Map(files.map((f) => [f.name, f.bytes])), files, diagnostics };
}

/** Run a poppler tool on the PDF's bytes (written to a temp file) and return its output. */
export function poppler(
  tool: 'pdftotext' | 'pdfinfo' | 'pdffonts' | 'pdfimages',
  bytes: Uint8Array,
  args: string[] = [],
): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pshe-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const tail = tool === 'pdftotext' ? [file, '-'] : [file];
    return execFileSync(tool, [...args, ...tail], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page (pdftotext puts a form feed between pages). */
export function pages(bytes: Uint8Array): string[] {
  const text = poppler('pdftotext', bytes, ['-layout']);
  return text.split('\f').filter((page, index, all) => index < all.length - 1 || page.trim());
}

/** Text with line breaks and runs of spaces made single spaces, for phrase matching. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');

export function pageCount(bytes: Uint8Array): number {
  return Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', bytes))?.[1]);
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  page: number;
  pageWidth: number;
  pageHeight: number;
}

/** Every word with its box, from `pdftotext -bbox`. */
export function words(bytes: Uint8Array): Word[] {
  const html = poppler('pdftotext', bytes, ['-bbox']);
  const result: Word[] = [];
  let page = 0;
  let width = 0;
  let height = 0;
  const pattern =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  for (const match of html.matchAll(pattern)) {
    if (match[1]) {
      page++;
      width = Number(match[1]);
      height = Number(match[2]);
    } else {
      result.push({
        text: match[7],
        xMin: Number(match[3]),
        yMin: Number(match[4]),
        xMax: Number(match[5]),
        yMax: Number(match[6]),
        page,
        pageWidth: width,
        pageHeight: height,
      });
    }
  }
  return result;
}
