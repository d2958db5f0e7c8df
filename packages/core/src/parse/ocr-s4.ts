import { S4_COLUMNS, S4_GROUPS } from '../model/cells.js';
import type { Source } from '../model/schema.js';
import type { ExtractedDocument, Position, Table, TableCell } from './document.js';
import { canonical, readCell } from './normalise.js';

/*
 * Section 四 of a scan, each value placed by the grid column it stands in. The reader takes the
 * fifteen values after the 行政复议 header in order, counting a grid row's empty cells only while
 * every filled one is a figure: a speck read as a word in the cell of a "0" OCR never saw, and every
 * value after it moved one cell on. The scan's table is rebuilt from its ruling lines, so each value
 * has a column of its own: the 行政复议 header's first column is the first of the fifteen.
 */

const S4_IDS = S4_GROUPS.flatMap((group) => S4_COLUMNS.map((column) => `s4.${group.key}.${column.key}`));
const ANCHOR = canonical(S4_GROUPS[0].label);
const PARTNER = canonical('行政诉讼');

/** One of the fifteen cells as its grid column holds it: a number, or null (empty, or a mark no figure). */
export interface S4Placed {
  readonly id: string;
  readonly value: number | null;
  readonly source: Source;
  /** The text the column holds when it is not a figure (a speck read as a word); '' when empty. */
  readonly unread: string;
}

/** The source of a value at a table's place (the recogniser's confidence where a cell was read). */
function sourceOf(at: Position, text: string, column = at.column): Source {
  const { page, table, row, confidence } = at;
  return {
    text,
    ...(page === undefined ? {} : { page }),
    ...(table === undefined ? {} : { table }),
    ...(row === undefined ? {} : { row }),
    ...(column === undefined ? {} : { column }),
    ...(confidence === undefined ? {} : { confidence }),
  };
}

/** Whether a row holds section 四's values: figures only, in single columns, at least one read. */
function valuesRow(row: readonly TableCell[], first: number): boolean {
  let figures = 0;
  for (const cell of row) {
    if (cell.colSpan !== 1 || cell.column < first || cell.column >= first + S4_IDS.length) return false;
    const reading = readCell(cell.text);
    if (reading.kind === 'number') figures += 1;
    // A word of more than two characters is a header or a label, not a speck in a blank cell.
    else if (reading.kind === 'text' && [...cell.text.trim()].length > 2) return false;
  }
  return figures > 0;
}

/** The fifteen values of a table headed 行政复议 … 行政诉讼 that spans fifteen columns, or undefined. */
function placedIn(table: Table): S4Placed[] | undefined {
  const headerRow = table.rows.findIndex((row) => row.some((cell) => canonical(cell.text) === ANCHOR));
  if (headerRow < 0) return undefined;
  const header = table.rows[headerRow] as readonly TableCell[];
  const anchor = header.find((cell) => canonical(cell.text) === ANCHOR) as TableCell;
  const partner = header.find((cell) => canonical(cell.text).startsWith(PARTNER));
  const first = anchor.column;
  // The two headers span the fifteen columns between them (5 and 10): else the grid is not the printed one.
  if (!partner || anchor.colSpan !== 5 || partner.column !== first + 5 || partner.colSpan !== 10) return undefined;
  const row = table.rows.slice(headerRow + 1).find((cells) => valuesRow(cells, first));
  if (!row) return undefined;
  // Where a column's cell is missing from the row: the row's place, in that column.
  const place = (row[0] as TableCell).at;
  return S4_IDS.map((id, i) => {
    const cell = row.find((c) => c.column === first + i);
    const reading = cell ? readCell(cell.text) : undefined;
    const value = reading?.kind === 'number' ? reading.value : null;
    const unread = value === null && cell ? cell.text.trim() : '';
    const source = cell ? sourceOf(cell.at, cell.text) : sourceOf({ ...place, confidence: undefined }, '', first + i);
    return { id, value, source, unread };
  });
}

/** Section 四 of a scan by grid columns, where its table was rebuilt as printed; else undefined. */
export function s4ByColumn(document: ExtractedDocument): S4Placed[] | undefined {
  for (const node of document.nodes) {
    if (node.kind !== 'table') continue;
    const placed = placedIn(node);
    if (placed) return placed;
  }
  return undefined;
}
