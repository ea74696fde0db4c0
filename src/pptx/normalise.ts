import { strFromU8, strToU8, unzipSync } from 'fflate';
import { prepareEntry, zipEntries } from '../pack/zip.ts';
import { mayPatch, type InstalledVersions, type Patch } from '../pdf/pdfkit-internals/versions.ts';
import type { PackEntry } from '../pack/zip.ts';
import { setCoreDates } from '../source-date.ts';

/** C0 controls but tab, line feed and carriage return (pptxgenjs writes CRLF), and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const xmlControl = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const xmlControls = new RegExp(xmlControl.source, 'g');

/**
 * The mends of pptxgenjs's own XML below (paragraph properties, shape ids,
 * notes, content types) are regular expressions written against what
 * pptxgenjs 4.0.1 writes. On another version they are left out, with one
 * warning (the guard of src/pdf/pdfkit-internals/versions.ts): the file may
 * then need PowerPoint's repair, but is never mangled by a pattern that no
 * longer fits. Dates, entry order and control characters are the file
 * format's, not pptxgenjs's, and are always fixed (tests/pptx/normalise.test.ts).
 */
export const pptxgenjsMends: Patch = {
  name: "the PowerPoint mends (regular expressions over pptxgenjs's XML)",
  without: "the PowerPoint keeps pptxgenjs's own XML faults and may ask to be repaired",
  tested: { pptxgenjs: ['4.0.1'] },
};

/**
 * Fix what pptxgenjs 4.0.1 writes, so the file is the same every build and
 * opens without a repair prompt:
 * - `docProps/core.xml` holds the time of the run: set the build date;
 * - zip entries carry the time of the run and come in insertion order: sort
 *   them, drop the directory entries, and give every entry the build date;
 * - a paragraph of several runs gets an `<a:pPr>` before every run, which the
 *   schema allows only first (gitbrent/PptxGenJS PR #1083): keep the first;
 * - a table and a text box on one slide share a shape id: number them again;
 * - notes are one run holding line breaks: make one paragraph a line;
 * - `[Content_Types].xml` names a slide master for every slide, where there
 *   is one (gitbrent/PptxGenJS #1444), and media types that are not in the
 *   file (#1449): keep only what the package holds;
 * - a control character in the text (a vertical tab pasted from Word) is not
 *   allowed in XML, and PowerPoint and LibreOffice refuse the file: pptxgenjs
 *   escapes only `<>&"'`, so every XML part loses them here (the loader
 *   reports them as `control-character` errors first; this is defence in depth).
 */
export function normalisePptx(bytes: Uint8Array, date: Date, versions?: InstalledVersions): Uint8Array {
  const mend = mayPatch(pptxgenjsMends, versions);
  const entries = unzipSync(bytes);
  const files: PackEntry[] = [];
  const names = Object.keys(entries).filter((name) => !name.endsWith('/'));
  for (const name of names.sort()) {
    let data = entries[name];
    if (name === 'docProps/core.xml') data = strToU8(setCoreDates(strFromU8(data), date));
    else if (!mend) {
      // pptxgenjs's XML as it wrote it (see pptxgenjsMends).
    } else if (name === '[Content_Types].xml') data = strToU8(contentTypes(strFromU8(data), names));
    else if (/^ppt\/slides\/slide\d+\.xml$/.test(name))
      data = strToU8(renumberShapes(firstParagraphProperties(strFromU8(data))));
    else if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)) data = strToU8(notesParagraphs(strFromU8(data)));
    if (/\.(xml|rels)$/.test(name)) {
      const xml = strFromU8(data);
      if (xmlControl.test(xml)) data = strToU8(xml.replace(xmlControls, ''));
    }
    files.push(reuseDeflated({ path: name, bytes: data }));
  }
  return zipEntries(files, { date, level: LEVEL });
}

/** Level 1: the XML parts still shrink about fivefold, in a third of the time of the default level. */
const LEVEL = 1;

/**
 * The last bytes of each part, deflated, by path; and how often a path's bytes
 * changed. Half of a deck's parts (the layouts, the master, the theme) are the
 * same in every deck of a library, and deflating each costs more to start
 * than to run: they are deflated once a thread and copied after (the bytes
 * are the same; `prepareEntry`). A part that keeps changing (a slide) is no
 * longer kept.
 */
const deflated = new Map<string, { bytes: Uint8Array; entry: PackEntry }>();
const changes = new Map<string, number>();
const KEEP_AFTER_CHANGES = 2;

function reuseDeflated(entry: PackEntry): PackEntry {
  const known = deflated.get(entry.path);
  if (known && view(known.bytes).equals(view(entry.bytes))) return known.entry;
  const changed = (changes.get(entry.path) ?? -1) + 1;
  changes.set(entry.path, changed);
  if (changed > KEEP_AFTER_CHANGES) {
    deflated.delete(entry.path);
    return entry;
  }
  // A copy: the unzipped part may be a view of the whole deck's bytes.
  const bytes = entry.bytes.slice();
  const prepared = prepareEntry({ path: entry.path, bytes }, LEVEL);
  deflated.set(entry.path, { bytes, entry: prepared });
  return prepared;
}

/** Forget the parts kept so far (tests: the same deck normalised with and without them). */
export function forgetDeflatedParts(): void {
  deflated.clear();
  changes.clear();
}

const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Only the parts and file extensions the package really holds. */
function contentTypes(xml: string, names: string[]): string {
  const parts = new Set(names.map((name) => `/${name}`));
  const extensions = new Set(names.map((name) => name.slice(name.lastIndexOf('.') + 1).toLowerCase()));
  return xml
    .replace(/\s*<Override PartName="([^"]+)"[^>]*\/>/g, (override, part: string) => (parts.has(part) ? override : ''))
    .replace(/<Default Extension="([^"]+)"[^>]*\/>/g, (entry, extension: string) =>
      extensions.has(extension.toLowerCase()) ? entry : '',
    );
}

const paragraph = /<a:p>([\s\S]*?)<\/a:p>/g;
const paragraphProperties = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

/** Keep only a paragraph's first `<a:pPr>`, and only when it comes first. */
export function firstParagraphProperties(xml: string): string {
  return xml.replace(paragraph, (_whole, inner: string) => {
    let seen = false;
    const fixed = inner.replace(paragraphProperties, (pPr: string, offset: number) => {
      if (seen || offset !== 0) return '';
      seen = true;
      return pPr;
    });
    return `<a:p>${fixed}</a:p>`;
  });
}

/** Give every shape on a slide its own id, in document order. */
function renumberShapes(xml: string): string {
  let next = 1;
  return xml.replace(/<p:cNvPr id="\d+"/g, () => `<p:cNvPr id="${next++}"`);
}

/** The notes body: one `<a:p>` a line instead of one run with line breaks inside. */
function notesParagraphs(xml: string): string {
  return xml.replace(
    /(<p:ph type="body"[^>]*\/>[\s\S]*?<a:lstStyle\/>)<a:p><a:r>(<a:rPr[^>]*\/>)<a:t>([\s\S]*?)<\/a:t><\/a:r>(<a:endParaRPr[^>]*\/>)<\/a:p>/,
    (_whole, head: string, runProperties: string, text: string, endProperties: string) => {
      // British English, like the slides, so spelling checks in the notes pane make sense.
      const [rPr, end] = [runProperties, endProperties].map((xml) => xml.replace('lang="en-US"', 'lang="en-GB"'));
      return (
        head +
        text
          .split(/\r?\n/)
          .map((line) => (line ? `<a:p><a:r>${rPr}<a:t>${line}</a:t></a:r>${end}</a:p>` : `<a:p>${end}</a:p>`))
          .join('')
      );
    },
  );
}
