import type { Doc } from '../types.ts';
import { mayPatch, type InstalledVersions, type Patch } from './versions.ts';

/**
 * Drawing that every page repeats (the headers and footers of
 * page-furniture.ts): laid out once, then written again on each page. A
 * document's help footer and title are the same on every page, but pdfkit
 * lays out and encodes their text again for each (about 4 % of a generated lesson's
 * PDFs, most of it the slides with notes, 20–40 pages each). pdfkit has no
 * way to repeat drawing (a form XObject would change the files), so what a
 * drawing writes through `doc.addContent`, and the page resources it names
 * (fonts, graphics states), are recorded and written again in the same order:
 * the bytes are those of drawing it afresh. A drawing that does more (starts
 * a page, adds an object such as a link's annotation, marks structure) is not
 * repeated. On a pdfkit this was not tested for, every page is drawn afresh,
 * with one warning. Written and tested for pdfkit 0.20.2
 * (tests/pdf/pdfkit-internals.test.ts).
 */
export const repeatDrawingPatch: Patch = {
  name: "drawing repeated on each page (pdfkit's page content and resources recorded)",
  without: 'slower: page headers and footers are laid out again on every page',
  tested: { pdfkit: ['0.20.2'] },
};

/** A page's resource dictionaries as pdfkit keeps them (`PDFPage.resources.data`), by key. */
const RESOURCE_KEYS = ['Font', 'XObject', 'ExtGState', 'Pattern', 'ColorSpace'] as const;
type ResourceKey = (typeof RESOURCE_KEYS)[number];
type Resources = Partial<Record<ResourceKey, Record<string, unknown>>>;

interface DocInside {
  page: {
    resources: { data: Resources };
    dictionary: { data: { Annots?: unknown[]; StructParents?: unknown } };
  };
  _offsets: unknown[];
  addContent(data: unknown): unknown;
}

/** What a drawing wrote on a page: its content, in order, and the resources it named, by dictionary. */
export interface Recording {
  content: unknown[];
  resources: [ResourceKey, [string, unknown][]][];
}

/**
 * Run `draw` on the current page and record what it wrote; undefined when it
 * cannot be repeated (see {@link repeatDrawingPatch}). The page is as if
 * `draw` had run without a recording. `versions` is for tests.
 */
export function recordDrawing(doc: Doc, draw: () => void, versions?: InstalledVersions): Recording | undefined {
  if (!mayPatch(repeatDrawingPatch, versions)) {
    draw();
    return undefined;
  }
  const inside = doc as unknown as DocInside;
  const page = inside.page;
  const data = page.resources.data;
  const objects = inside._offsets.length;
  const annotations = page.dictionary.data.Annots?.length;
  const structure = page.dictionary.data.StructParents;
  // Each dictionary the page has is set aside, so that pdfkit names in a fresh one every resource the
  // drawing uses (not only those the page lacked), and makes the fresh ones in the order it first
  // uses them; the page's own are put back below, where they were, with the new names added.
  const order = Object.keys(data);
  const before = new Map<ResourceKey, Record<string, unknown>>();
  for (const key of RESOURCE_KEYS) {
    const dictionary = data[key];
    if (!dictionary) continue;
    before.set(key, dictionary);
    delete data[key];
  }
  const content: unknown[] = [];
  const own = Object.getOwnPropertyDescriptor(inside, 'addContent');
  const addContent = inside.addContent;
  inside.addContent = function (this: DocInside, chunk: unknown) {
    content.push(chunk);
    return addContent.call(this, chunk);
  };
  const resources: Recording['resources'] = [];
  try {
    draw();
  } finally {
    if (own) Object.defineProperty(inside, 'addContent', own);
    else delete (inside as Partial<DocInside>).addContent;
    const made = (Object.keys(data) as ResourceKey[]).filter((key) => RESOURCE_KEYS.includes(key));
    for (const key of made) resources.push([key, Object.entries(data[key] ?? {})]);
    // pdfkit adds a name only where the page lacks it, and a dictionary where it has none: the page's
    // keys in their old order, then the new ones in the order they were made.
    const merged = new Map<string, unknown>();
    for (const key of [...order, ...made]) {
      if (merged.has(key)) continue;
      const kept = before.get(key as ResourceKey);
      if (!kept) merged.set(key, data[key as ResourceKey]);
      else {
        for (const [name, value] of Object.entries(data[key as ResourceKey] ?? {})) kept[name] ??= value;
        merged.set(key, kept);
      }
    }
    for (const key of Object.keys(data)) delete data[key as ResourceKey];
    Object.assign(data, Object.fromEntries(merged));
  }
  const repeatable =
    inside.page === page &&
    inside._offsets.length === objects &&
    page.dictionary.data.Annots?.length === annotations &&
    page.dictionary.data.StructParents === structure;
  return repeatable ? { content, resources } : undefined;
}

let replayed = 0;

/** How many drawings have been written again from a recording in this thread (for tests). */
export const replayedDrawings = (): number => replayed;

/** Write a recorded drawing on the current page: the same bytes as drawing it there. */
export function replayDrawing(doc: Doc, recording: Recording): Recording {
  replayed++;
  const inside = doc as unknown as DocInside;
  const data = inside.page.resources.data;
  for (const [key, entries] of recording.resources) {
    // As pdfkit's getters do (`page.fonts`…): the dictionary is made when first used, in that order.
    const dictionary = (data[key] ??= {});
    for (const [name, value] of entries) dictionary[name] ??= value;
  }
  for (const chunk of recording.content) inside.addContent(chunk);
  return recording;
}
