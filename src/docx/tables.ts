import { BaseXmlComponent, elementOf, type IXmlableObject, type Table } from 'docx';
import type { DocxBlock } from './types.ts';

/*
 * Tables, written as docx's own `Table`, `TableRow` and `TableCell` write
 * them, for the tables PSHE Kit's documents hold: the boxes (a scenario, a
 * staff note: one cell) and the lesson tables (a header row that repeats,
 * rows that do not split across pages), each of a table style, as wide as
 * the text, with columns of given widths. Written here for the reason runs
 * and paragraphs are (src/docx/components.ts): docx builds a component for
 * every property and attribute and works the widths out again as each table
 * is written, about 40 tables and 150 cells in a lesson's two documents.
 * tests/docx/tables.test.ts compares this XML with docx's for tables of
 * every shape these take, boxes inside boxes included.
 */

/** A row: its cells' blocks, whether it repeats as the header on each page, and whether it may split. */
export interface RowSpec {
  cells: readonly (readonly DocxBlock[])[];
  header?: boolean;
  cantSplit?: boolean;
}

/** What a table needs to know: its style, its width and its columns' widths (twips), and its rows. */
export interface TableSpec {
  style: string;
  width: number;
  columnWidths: readonly number[];
  rows: readonly RowSpec[];
}

/** docx's context when a part is written: components that look at their ancestors find them on `stack`. */
interface WriteContext {
  stack: unknown[];
}

type Writable = { prepForXml(context: WriteContext): IXmlableObject | undefined; writtenAs?: readonly Writable[] };

const dxa = (width: number) => ({ _attr: { 'w:type': 'dxa', 'w:w': width } });
const on = {};

/** A table of blocks, as docx's `Table` writes one with these options. */
class PlainTable extends BaseXmlComponent {
  private readonly spec: TableSpec;

  constructor(spec: TableSpec) {
    super('w:tbl');
    this.spec = spec;
  }

  prepForXml(context: WriteContext): IXmlableObject {
    const { style, width, columnWidths, rows } = this.spec;
    context.stack.push(this);
    const children: object[] = [
      { 'w:tblPr': [{ 'w:tblStyle': { _attr: { 'w:val': style } } }, { 'w:tblW': dxa(width) }] },
      { 'w:tblGrid': columnWidths.map((column) => ({ 'w:gridCol': { _attr: { 'w:w': column } } })) },
    ];
    for (const row of rows) {
      if (!row.cells.length) continue;
      const properties: object[] = [];
      if (row.cantSplit) properties.push({ 'w:cantSplit': on });
      if (row.header) properties.push({ 'w:tblHeader': on });
      const cells: object[] = properties.length ? [{ 'w:trPr': properties }] : [];
      row.cells.forEach((blocks, index) => {
        // Each cell as wide as its column, given as its own width (docx scales only cells without one).
        const cellWidth = columnWidths[index];
        const content: object[] = cellWidth > 0 ? [{ 'w:tcPr': [{ 'w:tcW': dxa(cellWidth) }] }] : [];
        for (const block of blocks as unknown as Writable[]) {
          for (const part of block.writtenAs ?? [block]) {
            const prepared = part.prepForXml(context);
            if (prepared !== undefined) content.push(prepared);
          }
        }
        // A cell must end with a paragraph: docx adds an empty one, as Word does.
        if (elementOf(blocks[blocks.length - 1]) !== 'w:p') content.push({ 'w:p': on });
        cells.push({ 'w:tc': content.length ? content : on });
      });
      children.push({ 'w:tr': cells.length ? cells : on });
    }
    context.stack.pop();
    return { 'w:tbl': children } as IXmlableObject;
  }
}

/** A table (docx's types know body blocks by their classes, hence the cast). */
export const table = (spec: TableSpec): Table => new PlainTable(spec) as unknown as Table;

/** Whether a block is a table (ours; docx's own tables are not made any more). */
export const isTable = (block: unknown): boolean => block instanceof PlainTable;
