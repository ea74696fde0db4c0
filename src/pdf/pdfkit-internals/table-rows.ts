import { mayPatch, type InstalledVersions, type Patch } from './versions.ts';

/**
 * A long table's header again on each page it reaches (tables.ts): pdfkit's
 * `PDFTable` starts a new page for a row that does not fit, with nothing above
 * it, and has no public way to say where a row goes. Its row positions
 * (`_rowYPos`, `_rowHeights`, `_currRowIndex`) are read to see where the last
 * row ended, and the last one's is moved so that the next row goes below a
 * header drawn again. On a pdfkit this was not tested for, rows break the
 * pdfkit way (correct, with no repeated header).
 * Written and tested for pdfkit 0.20.2 (tests/pdf/pdfkit-internals.test.ts).
 */
export const tableRowsPatch: Patch = {
  name: "repeated table headers (pdfkit's PDFTable._rowYPos)",
  without: 'a long table breaks across pages without its header again',
  tested: { pdfkit: ['0.20.2'] },
};

/** The parts of pdfkit's `PDFTable` (0.20.2) used here. */
interface TableInternals {
  _rowYPos: number[];
  _rowHeights: number[];
  _currRowIndex: number;
}

const internals = (table: object, versions?: InstalledVersions): TableInternals | undefined => {
  if (!mayPatch(tableRowsPatch, versions)) return undefined;
  const inside = table as Partial<TableInternals>;
  return Array.isArray(inside._rowYPos) && Array.isArray(inside._rowHeights) && typeof inside._currRowIndex === 'number'
    ? (inside as TableInternals)
    : undefined;
};

/**
 * Where the last row added to `table` ends on its page; undefined before the
 * first row, or when pdfkit is not a version this was tested for (then rows
 * cannot be moved). `versions` is for tests.
 */
export function lastRowBottom(table: object, versions?: InstalledVersions): number | undefined {
  const inside = internals(table, versions);
  if (!inside || inside._currRowIndex === 0) return undefined;
  const last = inside._currRowIndex - 1;
  return inside._rowYPos[last] + inside._rowHeights[last];
}

/** Make the next row start at `y` (pdfkit places a row where the one before it ended). Only after {@link lastRowBottom} gave a number. */
export function startNextRowAt(table: object, y: number): void {
  const inside = table as TableInternals;
  const last = inside._currRowIndex - 1;
  inside._rowYPos[last] = y - inside._rowHeights[last];
}
