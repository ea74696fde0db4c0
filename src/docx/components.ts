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
 * so a change in docx shows there. Anything else (numbering, links, images,
 * indents) goes to docx's own `Paragraph`.
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
const plainOptions = new Set(['style', 'heading', 'keepNext', 'children']);

/** A paragraph of a style holding only runs, as `Paragraph` writes it. */
class PlainParagraph extends BaseXmlComponent {
  private readonly style: string | undefined;
  private readonly keepNext: boolean | undefined;
  private readonly runs: readonly LookRun[];

  constructor(style: string | undefined, keepNext: boolean | undefined, runs: readonly LookRun[]) {
    super('w:p');
    this.style = style;
    this.keepNext = keepNext;
    this.runs = runs;
  }

  prepForXml(): IXmlableObject {
    const properties: object[] = [];
    if (this.style) properties.push({ 'w:pStyle': { _attr: { 'w:val': this.style } } });
    if (this.keepNext !== undefined)
      properties.push({ 'w:keepNext': this.keepNext ? empty : { _attr: { 'w:val': false } } });
    const children: object[] = properties.length ? [{ 'w:pPr': properties }] : [];
    for (const child of this.runs) children.push(child.prepForXml());
    return { 'w:p': children.length ? children : empty } as IXmlableObject;
  }
}

/** A paragraph: written here when it is a style and runs, else by docx's `Paragraph`. */
export function paragraph(options: IParagraphOptions): Paragraph {
  const children = options.children ?? [];
  const plain =
    Object.keys(options).every((key) => plainOptions.has(key)) && children.every((child) => child instanceof LookRun);
  if (!plain) return new Paragraph(options);
  return new PlainParagraph(
    options.style ?? options.heading,
    options.keepNext,
    children as unknown as LookRun[],
  ) as unknown as Paragraph;
}
