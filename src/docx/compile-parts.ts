import { Packer, XmlComponent, type Document, type IXmlableObject } from 'docx';
import { unzipSync } from 'fflate';
import { canWriteNumbering, writeNumbering } from './numbering-part.ts';
import { writeXml } from './write-xml.ts';

/** A Word document's parts by path, before they are zipped. */
export type Parts = Map<string, string | Uint8Array>;

type Context = { viewWrapper: unknown; file: Document; stack: unknown[] };

/** What a document holds in place of a part that is written elsewhere or not at all. */
class Unwritten extends XmlComponent {
  constructor() {
    super('w:unwritten');
  }
}

export type Compiler = {
  compile(file: Document, prettify?: unknown, overrides?: unknown[]): Parts;
  formatter?: { format(component: unknown, context: Context): IXmlableObject };
  numberingReplacer?: { replace(xml: string, concrete: unknown): string };
};
/** The compiler `Packer` holds (a static member, not in docx's public types), if this version of docx has one. */
export const docxCompiler = (): Compiler | undefined => (Packer as unknown as { compiler?: Compiler }).compiler;

/** The parts of a `File` (docx's `Document`) this file reaches: not in docx's public types. */
type FileInside = {
  Document?: { View?: unknown };
  Media?: { Array?: readonly unknown[] };
  Numbering?: { ConcreteNumbering?: unknown };
};

/**
 * The document's parts, unzipped. `Packer.pack` compiles the parts, then
 * deflates them into a zip that normaliseDocx would inflate again only to
 * zip them once more: a third of the time of a plan. So the parts are taken
 * from the compiler that `Packer` holds (a static member, not in docx's
 * public types); where a version of docx has none, the public zip is unpacked.
 */
export async function compile(document: Document): Promise<Parts> {
  const compiler = docxCompiler();
  if (typeof compiler?.compile === 'function') {
    const parts = compiler.compile(document, undefined, []);
    if (parts instanceof Map && parts.has('word/document.xml')) return parts;
  }
  return new Map(Object.entries(unzipSync(await Packer.pack(document, 'uint8array'))));
}

/**
 * The document's parts, its body written by src/docx/write-xml.ts: docx's
 * compiler formats the body (`prepForXml`, where links add relationships and
 * lists their numbering) and writes it in the same pass as every other part,
 * and writing it is a third of a document's time. So the body is formatted
 * here first, by docx's own formatter, and docx's compiler is given an
 * unwritten body in its place; the XML is then written here and its list
 * placeholders filled by docx's own replacer, as the compiler would have.
 * Undefined when docx has no such formatter, or when the body holds images
 * (the compiler finds them in the body's XML to add their relationships):
 * the caller then writes the document in full.
 */
export function compileBody(document: Document): Parts | undefined {
  const compiler = docxCompiler();
  const file = document as unknown as FileInside;
  const wrapper = file.Document;
  const { formatter, numberingReplacer } = compiler ?? {};
  if (!compiler || !formatter || !numberingReplacer || !wrapper?.View) return undefined;
  const body = formatter.format(wrapper.View, { viewWrapper: wrapper, file: document, stack: [] });
  if (file.Media?.Array?.length !== 0 || !body) return undefined;
  Object.defineProperty(wrapper, 'View', { value: new Unwritten() });
  const numbering = file.Numbering;
  const ownNumbering = canWriteNumbering(numbering);
  if (ownNumbering) Object.defineProperty(document, 'Numbering', { value: unwrittenPart(numbering as object) });
  const parts = compiler.compile(document, undefined, []);
  if (!(parts instanceof Map) || !parts.has('word/document.xml')) return undefined;
  parts.set('word/document.xml', numberingReplacer.replace(writeXml(body, true), numbering?.ConcreteNumbering));
  if (ownNumbering) {
    // After the compiler's pass, as docx writes it: the headers and footers have made their lists by then.
    const context = { viewWrapper: wrapper, file: document, stack: [] };
    parts.set(
      'word/numbering.xml',
      writeNumbering(numbering, (component, at) => formatter.format(component, at as Context), context),
    );
  }
  return parts;
}

/** A part as it is to everything that reads it, but written as nothing (its XML is written here instead). */
function unwrittenPart<T extends object>(part: T): T {
  const unwritten = new Unwritten();
  return new Proxy(part, {
    get(target, key) {
      if (key === 'prepForXml') return (context: unknown) => unwritten.prepForXml(context as never);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Parts that docx writes the same for every document with the same styles,
 * by the `File` getter that holds each: the styles, the theme and the
 * settings, and the parts PSHE Kit's documents leave empty or standard (the
 * footnotes and endnotes, the font table, the application's and custom
 * properties). Writing them is more than half of what a document costs
 * whatever its content (about 2.5 ms of 4.5 ms for an empty one), for two
 * documents a lesson and 2,000 in a build. A getter that gives a wrapper (a
 * part with relationships of its own) keeps the wrapper, its part unwritten.
 */
const constantParts = [
  ['Styles', 'word/styles.xml', 'part'],
  ['Theme', 'word/theme/theme1.xml', 'part'],
  ['Settings', 'word/settings.xml', 'part'],
  ['AppProperties', 'docProps/app.xml', 'part'],
  ['CustomProperties', 'docProps/custom.xml', 'part'],
  ['FootNotes', 'word/footnotes.xml', 'wrapper'],
  ['Endnotes', 'word/endnotes.xml', 'wrapper'],
  ['FontTable', 'word/fontTable.xml', 'wrapper'],
] as const;

interface State {
  /** The constant parts of the first document written in full. */
  first?: Map<string, string | Uint8Array>;
  /** The constant parts, once checked; documents after that leave them unwritten. */
  constants?: Map<string, string | Uint8Array>;
  /** The check failed (another version of docx, say): every document is written in full. */
  off?: boolean;
  /** compileBody's output was found to be docx's: later documents' bodies are written by it. */
  bodyChecked?: boolean;
  /** compileBody's output was not docx's, or it failed: bodies are left to docx. */
  bodyOff?: boolean;
}

const states = new Map<string, State>();

function constantsOf(parts: Parts): Map<string, string | Uint8Array> | undefined {
  const found = new Map<string, string | Uint8Array>();
  for (const [, path] of constantParts) {
    const data = parts.get(path);
    if (data === undefined) return undefined;
    found.set(path, data);
  }
  return found;
}

const sameData = (a: string | Uint8Array, b: string | Uint8Array) =>
  typeof a === 'string' || typeof b === 'string' ? a === b : Buffer.from(a).equals(Buffer.from(b));

function unwritten(document: Document): Document {
  for (const [getter, , kind] of constantParts) {
    const value =
      kind === 'part'
        ? new Unwritten()
        : // The wrapper as it is (its relationships, its fonts), but for its part.
          Object.create((document as unknown as Record<string, object>)[getter], { View: { value: new Unwritten() } });
    Object.defineProperty(document, getter, { value });
  }
  return document;
}

/** compileBody's parts, or undefined where it leaves the document to docx or fails (then never tried again). */
function tryBody(make: () => Document, state: State): Parts | undefined {
  try {
    return compileBody(unwritten(make()));
  } catch {
    state.bodyOff = true;
    return undefined;
  }
}

const withConstants = (parts: Parts, constants: Map<string, string | Uint8Array>): Parts => {
  for (const [path, data] of constants) parts.set(path, data);
  return parts;
};

/**
 * A document's parts, with docx's constant parts written once per thread
 * and styles (`key`), and its body (and numbering) written by compileBody:
 * `make` builds the document (afresh each call). Both reach into docx, so
 * each is checked on the finished bytes (`same`) before it is relied on:
 * - the first two documents of a `key` are written in full by docx; only
 *   when their constant parts are the same, and the second written without
 *   them comes out as the same file, are later documents written without
 *   them;
 * - the next document that compileBody takes (one without images) is written
 *   both by docx and by compileBody; only when the two are the same are later
 *   bodies written by compileBody.
 * A check that fails, or throws, leaves that part to docx from then on. The
 * check sees what the document it is made on holds: what only later
 * documents hold is held to docx's output by tests/docx.
 */
export async function compileParts(
  make: () => Document,
  key: string,
  same: (full: Parts, assembled: Parts) => boolean,
): Promise<Parts> {
  let state = states.get(key);
  if (!state) {
    if (states.size >= 16) states.clear();
    states.set(key, (state = {}));
  }
  const { constants } = state;
  if (constants && !state.off) {
    if (state.bodyChecked && !state.bodyOff) {
      const parts = tryBody(make, state);
      if (parts) return withConstants(parts, constants);
    }
    const parts = withConstants(await compile(unwritten(make())), constants);
    if (state.bodyChecked || state.bodyOff) return parts;
    const written = tryBody(make, state);
    // Undefined: a body with images (left to docx), or a failure (bodyOff is set). The next document checks.
    if (!written) return parts;
    if (same(parts, withConstants(written, constants))) state.bodyChecked = true;
    else state.bodyOff = true;
    return parts;
  }
  const parts = await compile(make());
  if (state.off) return parts;
  const found = constantsOf(parts);
  if (!state.first || !found) {
    if (found) state.first = found;
    else state.off = true;
    return parts;
  }
  let assembled: Parts | undefined;
  try {
    assembled = withConstants(await compile(unwritten(make())), found);
  } catch {
    assembled = undefined;
  }
  const steady = [...found].every(([path, data]) => sameData(data, state.first!.get(path)!));
  if (assembled && steady && same(parts, assembled) && !state.off) state.constants = found;
  else {
    state.off = true;
    state.constants = undefined;
  }
  state.first = undefined;
  return parts;
}

/** Whether documents of these styles are written without their constant parts (for tests). */
export const writesConstantPartsOnce = (key: string): boolean => Boolean(states.get(key)?.constants);

/** Whether documents of these styles have their bodies written by compileBody (for tests). */
export const writesBodiesItself = (key: string): boolean => {
  const state = states.get(key);
  return Boolean(state?.constants && state.bodyChecked && !state.bodyOff && !state.off);
};
