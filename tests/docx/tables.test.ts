import { Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { bodyXml } from './docx-parts.ts';
import { describe, expect, it } from 'vitest';
import { paragraph, run } from '../../src/docx/components.ts';
import { linkRun } from '../../src/docx/inline.ts';
import { textWidth } from '../../src/docx/styles.ts';
import { isTable, table, type RowSpec, type TableSpec } from '../../src/docx/tables.ts';
import type { DocxBlock } from '../../src/docx/types.ts';

/** The same table as docx's own `Table` makes it; `cellWidths`: each cell given its column's width, as a lesson table's are. */
function docxTable(spec: TableSpec, cellWidths: boolean, docxBlocks = (blocks: readonly DocxBlock[]) => blocks): Table {
  return new Table({
    style: spec.style,
    width: { size: spec.width, type: WidthType.DXA },
    columnWidths: [...spec.columnWidths],
    rows: spec.rows.map(
      (row) =>
        new TableRow({
          ...(row.cantSplit ? { cantSplit: true } : {}),
          ...(row.header ? { tableHeader: true } : {}),
          children: row.cells.map(
            (blocks, index) =>
              new TableCell({
                ...(cellWidths ? { width: { size: spec.columnWidths[index], type: WidthType.DXA } } : {}),
                children: [...docxBlocks(blocks)],
              }),
          ),
        }),
    ),
  });
}

const words = (text: string) => [paragraph({ children: [run(text)] })];
const item = (text: string) => [
  paragraph({
    style: 'ListBullet',
    numbering: { reference: 'bullets', level: 0, instance: 0, custom: true },
    children: [run(text)],
  }),
];

describe("the Word documents' own tables", () => {
  it("should write a box (one cell, as wide as the text) as docx's Table writes it", () => {
    const bodies: DocxBlock[][] = [
      [paragraph({ style: 'BoxLabel', children: [run('Scenario: ', { bold: true }), run('Sam')] }), ...words('One')],
      [paragraph({})],
      [],
      [...words('Before a list'), ...item('first'), ...item('second')],
    ];
    for (const blocks of bodies) {
      const spec: TableSpec = {
        style: 'ScenarioBox',
        width: textWidth,
        columnWidths: [textWidth],
        rows: [{ cells: [blocks] }],
      };
      const ours = bodyXml([table(spec)]);
      expect(ours).toBe(bodyXml([docxTable(spec, false)]));
      expect(ours).toBe(bodyXml([docxTable(spec, true)]));
    }
  });

  it('should end a cell with a paragraph when its last block is a table, as docx does (a box inside a box)', () => {
    const inner: TableSpec = {
      style: 'StaffBox',
      width: textWidth,
      columnWidths: [textWidth],
      rows: [{ cells: [words('Inner')] }],
    };
    const outer = (blocks: DocxBlock[]): TableSpec => ({
      style: 'ScenarioBox',
      width: textWidth,
      columnWidths: [textWidth],
      rows: [{ cells: [blocks] }],
    });
    const ours = bodyXml([table(outer([...words('Outer'), table(inner)]))]);
    const docx = bodyXml([docxTable(outer([...words('Outer'), docxTable(inner, false)]), false)]);
    expect(ours).toBe(docx);
    expect(ours).toMatch(/<\/w:tbl><w:p\/><\/w:tc>/);
  });

  it('should write cells holding links, list items with follow-on paragraphs, and a lesson table in a box', () => {
    const linked = [paragraph({ children: [run('Call '), linkRun('https://www.childline.org.uk', 'Childline')] })];
    const followOn = [
      ...item('An item'),
      paragraph({ style: 'ListContinue', indent: { left: 360 }, children: [run('More about it')] }),
    ];
    const lessonTable: TableSpec = {
      style: 'LessonTable',
      width: textWidth,
      columnWidths: [4793, 4793],
      rows: [
        { header: true, cantSplit: true, cells: [words('Who'), words('How')] },
        { cantSplit: true, cells: [words('Childline'), linked] },
      ],
    };
    const inBox = (blocks: DocxBlock[]): TableSpec => ({
      style: 'HelpBox',
      width: textWidth,
      columnWidths: [textWidth],
      rows: [{ cells: [blocks] }],
    });
    // Links' relationship ids are random in docx: compared blanked.
    const blank = (xml: string) => xml.replace(/r:id="[^"]+"/g, 'r:id="?"');
    const ours = bodyXml([table(inBox([...linked, ...followOn, table(lessonTable)]))]);
    const docx = bodyXml([docxTable(inBox([...linked, ...followOn, docxTable(lessonTable, true)]), false)]);
    expect(blank(ours)).toBe(blank(docx));
    expect(ours).toContain('<w:hyperlink');
    expect(ours).toContain('<w:tblHeader/>');
  });

  it("should write a lesson table (header row, rows that do not split, columns of their own widths) as docx's", () => {
    const shapes: { widths: number[]; rows: RowSpec[] }[] = [
      {
        widths: [2662, 6923],
        rows: [
          { header: true, cantSplit: true, cells: [words('Key word'), words('What it means')] },
          { cantSplit: true, cells: [words('Consent'), words('Agreeing by choice, free to say no')] },
          { cantSplit: true, cells: [[], words('An empty cell before')] },
        ],
      },
      { widths: [3195, 3195, 3195], rows: [{ header: true, cells: [words('A'), words('B'), words('C')] }] },
      { widths: [9586], rows: [{ cantSplit: true, cells: [item('one')] }, { cells: [words('no split given')] }] },
      { widths: [1000, 2000], rows: [{ cantSplit: true, cells: [words('narrower than the table')] }] },
    ];
    for (const { widths, rows } of shapes) {
      const spec: TableSpec = { style: 'LessonTable', width: textWidth, columnWidths: widths, rows };
      expect(bodyXml([table(spec)]), JSON.stringify(widths)).toBe(bodyXml([docxTable(spec, true)]));
    }
  });

  it('should be known as a table, for the spacer that keeps two tables apart', () => {
    expect(isTable(table({ style: 'X', width: 100, columnWidths: [100], rows: [] }))).toBe(true);
    expect(isTable(paragraph({}))).toBe(false);
    expect(isTable(new Paragraph({}))).toBe(false);
  });
});
