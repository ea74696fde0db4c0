import { BaseXmlComponent, Paragraph, type IParagraphOptions, type IXmlableObject, type ParagraphChild } from 'docx';

/*
 * Runs and plain paragraphs, written as docx's own `TextRun` and `Paragraph`
 * write them, for the few options PSHE Kit's documents use. Written here
 * because docx builds a dozen objects for each (options parsed into
 * properties, each property a component with attribute components) that are
 * then turned back into the same small tree: with about 900 runs and 500
 * paragraphs in a lesson's two Word documents, that was 40 % of their time.
 * A component that prepares its own XML is docx's documented extension
 * point, and the XML is docx's: tests/docx/components.test.ts compares it
 * with `TextRun`'s and `Paragraph`'s for every combination of these options,
 * so a change in docx shows there. List items (a list of the document's own
 * numbering, by name) and left indents are written here too: a lesson's two
 * documents hold about 110 list items. Anything else (lists defined in place
 * or restarted, other indents, links, images) goes to docx's own `Paragraph`.
 */

/** What a run of text may carry: the few run properties PSHE Kit's documents use. */
export interface RunLook {
  /** A character style's id (Word's "Hyperlink"). */
  style?: string;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  /** A colour as six hex digits, without "#". */
  colour?: string;
  /** A line break before the text. */
  breakBefore?: boolean;
}

const empty = {};
const preserve = { _attr: { 'xml:space': 'preserve' } };

/** A run of text in a look, as `TextRun` writes it. */
class LookRun extends BaseXmlComponent {
  private readonly text: string | undefined;
  private readonly look: RunLook;

  constructor(text: string | undefined, look: RunLook) {
    super('w:r');
    this.text = text;
    this.look = look;
  }

  prepForXml(): IXmlableObject {
    const { style, bold, italics, strike, colour, breakBefore } = this.look;
    const properties: object[] = [];
    if (style) properties.push({ 'w:rStyle': { _attr: { 'w:val': style } } });
    if (bold) properties.push({ 'w:b': empty }, { 'w:bCs': empty });
    if (italics) properties.push({ 'w:i': empty }, { 'w:iCs': empty });
    if (strike) properties.push({ 'w:strike': empty });
    if (colour) properties.push({ 'w:color': { _attr: { 'w:val': colour } } });
    const children: object[] = [];
    if (properties.length) children.push({ 'w:rPr': properties });
    if (breakBefore) children.push({ 'w:br': empty });
    if (this.text !== undefined) children.push({ 'w:t': [preserve, this.text] });
    return { 'w:r': children.length ? children : empty } as IXmlableObject;
  }
}

/** A run of `text` in a look (docx's types know paragraphs' children by their classes, hence the cast). */
export const run = (text: string | undefined, look: RunLook = {}): ParagraphChild =>
  new LookRun(text, look) as unknown as ParagraphChild;

/** The paragraph options written here; anything else is docx's `Paragraph`. */
const plainOptions = new Set(['style', 'heading', 'keepNext', 'numbering', 'indent', 'children']);

/** A list item's numbering, as PSHE Kit's lists give it: a list of the document's own, at a level, no restarts. */
interface ListNumbering {
  reference: string;
  level: number;
  instance: number;
}

/** The numbering this file writes: a document list by its name (`custom`: no implied List Paragraph style). */
function listNumbering(numbering: IParagraphOptions['numbering']): ListNumbering | undefined | false {
  if (numbering === undefined) return undefined;
  if (!numbering || typeof numbering.reference !== 'string' || numbering.custom !== true) return false;
  const known = new Set(['reference', 'level', 'instance', 'custom']);
  if (!Object.keys(numbering).every((key) => known.has(key))) return false;
  const { reference, level, instance = 0 } = numbering as { reference: string; level: number; instance?: number };
  if (!Number.isInteger(level) || level < 0 || level > 9 || !Number.isInteger(instance)) return false;
  return { reference, level, instance };
}

/** A left indent in twips, the only indent this file writes. */
function leftIndent(indent: IParagraphOptions['indent']): number | undefined | false {
  if (indent === undefined) return undefined;
  const keys = Object.keys(indent);
  return keys.length === 1 && keys[0] === 'left' && Number.isInteger(indent.left) ? (indent.left as number) : false;
}

/** What docx's file gives a paragraph as it is written: the numbering its lists are made in. */
interface WriteContext {
  file: { Numbering: { createConcreteNumberingInstance(reference: string, instance: number): void } };
}

/** A paragraph of a style holding only runs, maybe a list item or indented, as `Paragraph` writes it. */
class PlainParagraph extends BaseXmlComponent {
  private readonly style: string | undefined;
  private readonly keepNext: boolean | undefined;
  private readonly numbering: ListNumbering | undefined;
  private readonly indent: number | undefined;
  private readonly runs: readonly LookRun[];

  constructor(
    style: string | undefined,
    keepNext: boolean | undefined,
    numbering: ListNumbering | undefined,
    indent: number | undefined,
    runs: readonly LookRun[],
  ) {
    super('w:p');
    this.style = style;
    this.keepNext = keepNext;
    this.numbering = numbering;
    this.indent = indent;
    this.runs = runs;
  }

  prepForXml(context: WriteContext): IXmlableObject {
    const properties: object[] = [];
    if (this.style) properties.push({ 'w:pStyle': { _attr: { 'w:val': this.style } } });
    if (this.keepNext !== undefined)
      properties.push({ 'w:keepNext': this.keepNext ? empty : { _attr: { 'w:val': false } } });
    if (this.numbering) {
      const { reference, level, instance } = this.numbering;
      // As docx's ParagraphProperties: the list's concrete numbering is made when the paragraph is written, and its
      // id left as a placeholder that docx's compiler fills in.
      context.file.Numbering.createConcreteNumberingInstance(reference, instance);
      properties.push({
        'w:numPr': [
          { 'w:ilvl': { _attr: { 'w:val': level } } },
          { 'w:numId': { _attr: { 'w:val': `{${reference}-${instance}}` } } },
        ],
      });
    }
    if (this.indent !== undefined) properties.push({ 'w:ind': { _attr: { 'w:left': this.indent } } });
    const children: object[] = properties.length ? [{ 'w:pPr': properties }] : [];
    for (const child of this.runs) children.push(child.prepForXml());
    return { 'w:p': children.length ? children : empty } as IXmlableObject;
  }
}

/** A paragraph: written here when it is a style, runs, and maybe a list's numbering or a left indent, else by docx's `Paragraph`. */
export function paragraph(options: IParagraphOptions): Paragraph {
  const children = options.children ?? [];
  const numbering = listNumbering(options.numbering);
  const indent = leftIndent(options.indent);
  const plain =
    numbering !== false &&
    indent !== false &&
    !(options.style && options.heading) &&
    Object.keys(options).every((key) => plainOptions.has(key)) &&
    children.every((child) => child instanceof LookRun);
  if (!plain) return new Paragraph(options);
  return new PlainParagraph(
    options.style ?? options.heading,
    options.keepNext,
    numbering,
    indent,
    children as unknown as LookRun[],
  ) as unknown as Paragraph;
}
