import type { Table, TableCell } from '../document.js';

/*
 * Word tables, DOCX and DOC alike, list each row's cells left to right with their extent on the
 * table's grid and two merge marks: a cell merged into the one on its left (horizontal), and a
 * cell that continues the cell above it or starts such a run (vertical). The extractors place
 * the cells on the grid (each in its own way); this turns placed cells into origin cells with
 * row and column spans, the shape of the intermediate document's tables.
 */

/** One cell of a row as the file lists it, placed on the table's logical grid. */
export interface PlacedCell {
  readonly text: string;
  /** The logical grid column where the cell starts, and where it ends (exclusive). */
  readonly start: number;
  readonly end: number;
  /** Merged into the cell on its left: it widens that cell and is not a cell of its own. */
  readonly mergedLeft: boolean;
  /** `continue` extends the rowSpan of the cell above that starts in the same column. */
  readonly vMerge: 'none' | 'restart' | 'continue';
}

export interface MergeOptions {
  /** Whether a cell merged into its left neighbour adds its text to it (DOC) or its text is dropped (DOCX). */
  readonly joinMergedText: boolean;
  /** Whether an empty cell of no width (lying wholly in grid slivers) is dropped. */
  readonly dropEmptyZeroWidth: boolean;
}

interface Origin {
  text: string;
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

/** Origin cells with spans from the rows' placed cells; `index` is the table's number in the document. */
export function mergedCellTable(rows: readonly (readonly PlacedCell[])[], index: number, options: MergeOptions): Table {
  /** The origin cell open for vertical merging in each logical column. */
  const open = new Map<number, Origin>();
  const grid: Origin[][] = rows.map((row, r) => {
    const out: Origin[] = [];
    for (const cell of row) {
      const { start, end, text } = cell;
      const previous = out[out.length - 1];
      if (cell.mergedLeft && previous) {
        previous.colSpan = Math.max(previous.colSpan, end - previous.column);
        if (options.joinMergedText && text !== '') previous.text = `${previous.text}\n${text}`.trim();
        continue;
      }
      if (cell.vMerge === 'continue') {
        const above = open.get(start);
        if (above && above.row + above.rowSpan === r) {
          above.rowSpan += 1;
          continue;
        }
      }
      if (options.dropEmptyZeroWidth && end === start && text === '') continue;
      const origin: Origin = { text, row: r, column: start, rowSpan: 1, colSpan: Math.max(1, end - start) };
      out.push(origin);
      if (cell.vMerge === 'none') open.delete(start);
      else open.set(start, origin);
    }
    return out;
  });
  const cells: TableCell[][] = grid.map((row) =>
    row.map((cell) => ({ ...cell, at: { table: index, row: cell.row, column: cell.column } })),
  );
  return { kind: 'table', rows: cells, at: { table: index } };
}
