import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { Document } from 'docx';
import { docxCompiler } from '../../src/docx/compile-parts.ts';
import { renderHandoutDocx, renderLessonPlanDocx } from '../../src/docx/index.ts';
import { numbering } from '../../src/docx/styles.ts';
import type { DocxBlock } from '../../src/docx/types.ts';
import { lessonImageScope, readLibraryImage } from '../../src/library-file.ts';
import type { Lesson, Library } from '../../src/lesson/types.ts';

/**
 * The body of a document holding these blocks (with PSHE Kit's lists, their ids filled in), from
 * `<w:body>` to the section's properties, as docx's compiler writes it.
 */
export function bodyXml(children: DocxBlock[]): string {
  const file = new Document({ numbering: numbering(), sections: [{ children }] });
  const xml = docxCompiler()!.compile(file, undefined, []).get('word/document.xml') as string;
  return xml.slice(xml.indexOf('<w:body>'), xml.indexOf('<w:sectPr'));
}

/** The parts of a .docx as text (XML and relationships) or bytes (media). */
export function docxParts(bytes: Uint8Array): Map<string, string> {
  return new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Each paragraph of a part (`<w:p>`) as its text, in document order. */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) =>
    decode([...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  );
}

/** Each paragraph with its style id (`<w:pStyle>`), in document order. */
export function styledParagraphs(xml: string): { style?: string; text: string; xml: string }[] {
  return [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p[0])?.[1],
    text: paragraphTexts(p[0])[0] ?? '',
    xml: p[0],
  }));
}

/** Renders a lesson's two Word documents as the build does (images through the library's gate). */
export async function wordDocumentsOf(lesson: Lesson, library: Library) {
  const readImage = (url: string) => {
    const read = readLibraryImage(lessonImageScope(path.dirname(lesson.file)), url);
    return { image: read.image, problem: read.problem?.reason };
  };
  return {
    handout: await renderHandoutDocx(lesson, library, { readImage }),
    plan: await renderLessonPlanDocx(lesson, library, { readImage }),
  };
}
