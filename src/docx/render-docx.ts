import { readLessonImage } from '#images';
import { Document, Footer, Header, PageNumber, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { strFromU8, strToU8 } from 'fflate';
import type { Outline } from '../documents/outline.ts';
import { footerService, footerWords, lessonHelp } from '../lesson/help.ts';
import { stripControls } from '../lesson/control-pattern.ts';
import type { Lesson, Library } from '../lesson/types.ts';
import { prepareEntry, zipEntries, type PackEntry } from '../pack/zip.ts';
import { standardTheme } from '../pdf/theme.ts';
import { setCoreDates, sourceDate } from '../source-date.ts';
import { compileParts, type Parts } from './compile-parts.ts';
import { bodyOf } from './outline.ts';
import { documentStyles, numbering, page, textWidth } from './styles.ts';
import type { ReadImage } from './types.ts';

export interface DocxOptions {
  /** Reads the images the lesson names (default: at the edge, `#images`; in Node through the library's file gate). */
  readImage?: ReadImage;
  /** The date written in the file (default: the build's, src/source-date.ts). */
  date?: Date;
}

/** The help line at the foot of every page, in the help model's words, as in the PDFs. */
function footer(lesson: Lesson, library: Library, audience: Outline['footer']): Footer {
  const { dsl } = lessonHelp(lesson, library);
  const words = footerWords(dsl, audience, footerService(library, audience));
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        children: [
          new TextRun({ text: words.lead, bold: true }),
          new TextRun(words.inSchool),
          ...(words.outside ? [new TextRun(words.outside.join(''))] : []),
        ],
      }),
    ],
  });
}

/** The document's title at the left of every page's head, and "Page 1 of 3" at the right, as in the PDFs. */
function header(title: string): Header {
  return new Header({
    children: [
      new Paragraph({
        style: 'Footer',
        children: [
          new TextRun(title),
          new TextRun({
            children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
          }),
        ],
        tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
      }),
    ],
  });
}

/**
 * What builds a lesson's outline (src/documents) as docx's document: the
 * same blocks, in the same order, as the PDF of that outline, in Word's own
 * styles. Built afresh on each call: a document's paragraphs change when it
 * is written (links become relationships).
 */
export function documentMaker(
  lesson: Lesson,
  library: Library,
  outline: Outline,
  options: DocxOptions,
): () => Document {
  const theme = standardTheme(library.school?.accentColour);
  return () =>
    new Document({
      title: outline.title,
      subject: outline.subject,
      creator: library.school?.name ?? 'PSHE Kit',
      lastModifiedBy: library.school?.name ?? 'PSHE Kit',
      description: `${outline.kind} for ${lesson.title}, made by PSHE Kit from ${lesson.id}.yaml`,
      styles: documentStyles(theme),
      numbering: numbering(),
      sections: [
        {
          properties: {
            page: {
              size: { width: page.width, height: page.height },
              margin: { ...page.margin, header: page.margin.footer },
            },
          },
          headers: { default: header(outline.title) },
          footers: { default: footer(lesson, library, outline.footer) },
          children: bodyOf(
            {
              lesson,
              library,
              reader: outline.reader,
              colours: theme.colours,
              readImage: options.readImage ?? ((url) => readLessonImage(lesson, url)),
              listLevel: 0,
              nextList: { value: 1 },
              outlineLevel: { value: 0 },
            },
            outline.blocks,
          ),
        },
      ],
    });
}

/** A Word document of a lesson's outline: the file's bytes. */
export async function renderDocx(
  lesson: Lesson,
  library: Library,
  outline: Outline,
  options: DocxOptions,
): Promise<Uint8Array> {
  const theme = standardTheme(library.school?.accentColour);
  const make = documentMaker(lesson, library, outline, options);
  const date = options.date ?? sourceDate();
  const same = (full: Parts, assembled: Parts) =>
    Buffer.from(normaliseDocx(full, date)).equals(Buffer.from(normaliseDocx(assembled, date)));
  return normaliseDocx(await compileParts(make, `${theme.name}:${theme.colours.accent}`, same), date);
}

/** The random ids `docx` gives hyperlinks' relationships ("rId" and a nanoid), which differ on every run. */
const randomRelationship = /\bId="(rId[A-Za-z0-9_-]{21})"/g;

/**
 * The same lesson gives the same bytes: `docx` writes the time of the run in
 * `docProps/core.xml`, random relationship ids for links, and zips with the
 * time of the run, and numbers drawings from a counter shared by every
 * document the process makes. Here the dates become the build's, the ids are
 * numbered in order, the language is recorded, and the parts are zipped again with the
 * build's date (src/pack/zip.ts, as the PowerPoint is).
 */
export function normaliseDocx(parts: Parts, date: Date): Uint8Array {
  const files: PackEntry[] = [];
  const texts = new Map<string, string>();
  for (const [name, data] of parts) {
    const known = unchanged.get(name);
    if (known && known.source === data) files.push(known.entry);
    // Defence in depth: characters XML cannot hold (the check reports them as errors first) would make
    // Word refuse the file; docx escapes only markup characters.
    else if (/\.(xml|rels)$/.test(name))
      texts.set(name, stripControls(typeof data === 'string' ? data : strFromU8(data)));
    else files.push({ path: name, bytes: typeof data === 'string' ? strToU8(data) : data });
  }
  // Number random relationship ids after the highest rIdN, in the order the relationship files list them.
  const renames = new Map<string, string>();
  for (const [name, xml] of [...texts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!name.endsWith('.rels')) continue;
    const used = [...xml.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1]));
    let next = Math.max(0, ...used) + 1;
    for (const match of xml.matchAll(randomRelationship)) {
      if (!renames.has(match[1])) renames.set(match[1], `rId${next++}`);
    }
  }
  // Drawings' ids come from a counter docx keeps for the whole process: number them per document.
  let drawing = 0;
  for (const [name, source] of [...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let text = source;
    if (renames.size)
      text = text.replace(/"(rId[A-Za-z0-9_-]{21})"/g, (whole, id: string) =>
        renames.has(id) ? `"${renames.get(id)}"` : whole,
      );
    if (text.includes('<wp:docPr ')) text = text.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`);
    if (name === 'docProps/core.xml') {
      text = setCoreDates(text, date);
      if (!text.includes('<dc:language>'))
        text = text.replace('</cp:coreProperties>', '<dc:language>en-GB</dc:language></cp:coreProperties>');
    }
    const entry = { path: name, bytes: strToU8(text) };
    if (text === source && reusable(name, text)) {
      // Kept deflated for the next document that holds the same part (compileParts gives the very same string).
      const prepared = prepareEntry(entry, LEVEL);
      unchanged.set(name, { source: parts.get(name)!, entry: prepared });
      files.push(prepared);
    } else files.push(entry);
  }
  return zipEntries(files, { date, level: LEVEL });
}

/** Level 1: the XML parts still shrink about fivefold, in a third of the time of the default level. */
const LEVEL = 1;

/**
 * Parts that came out of normaliseDocx as they went in, deflated, by path:
 * the styles, theme and settings that compileParts hands every document of
 * a thread, and the small parts docx writes the same each time (fonts,
 * notes, content types). Deflating them once saves a tenth of a document.
 */
const unchanged = new Map<string, { source: string | Uint8Array; entry: PackEntry }>();

/** A part whose bytes depend only on its own text: not the dated core properties, nothing renumbered. */
const reusable = (name: string, text: string) =>
  name !== 'docProps/core.xml' && !text.includes('<wp:docPr ') && !/"rId[A-Za-z0-9_-]{21}"/.test(text);
