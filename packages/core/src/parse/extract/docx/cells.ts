import type { DocumentNode, Table, TextLine } from '../../document.js';
import { mergedCellTable, type PlacedCell } from '../merged-cells.js';
import type { CellBuilder, Item, RowBuilder, TableBuilder } from './elements.js';

/** Grid columns narrower than this (in twips, ~1 mm) hold no text: they are drawing slivers. */
const SLIVER_TWIPS = 60;

/** A nested table as text: its rows on lines, cells separated by tabs. */
function flattenTable(table: TableBuilder): string {
  return table.rows
    .map((row) =>
      row.cells
        .filter((cell) => cell.vMerge !== 'continue' && !cell.hMergeContinue)
        .map((cell) => cellText(cell).replace(/\s*\n\s*/g, ' '))
        .join('\t'),
    )
    .join('\n');
}

/**
 * A cell's text: its paragraphs joined by line breaks. A table nested in a cell is flattened
 * into the cell's text, because the intermediate document has no nested tables, and in
 * published reports a table inside a statutory-table cell is a layout device (a box around a
 * figure, a two-part header), not data of its own.
 */
function cellText(cell: CellBuilder): string {
  return cell.items
    .map((item) => (typeof item === 'string' ? item : flattenTable(item)))
    .join('\n')
    .trim();
}

export interface Emitter {
  nodes: DocumentNode[];
  line: number;
  table: number;
}

/**
 * A 1×1 table that holds other tables is a frame some authors draw around a whole report (or
 * around each section): its content is read as if it stood in the body.
 */
function isFrame(table: TableBuilder): boolean {
  const cells = table.rows.flatMap((row) => row.cells);
  return cells.length === 1 && (cells[0] as CellBuilder).items.some((item) => typeof item !== 'string');
}

export function emitItems(items: readonly Item[], out: Emitter): void {
  for (const item of items) {
    if (typeof item === 'string') {
      out.line += 1;
      // Empty paragraphs only space the page; they keep their number but are not emitted.
      if (item.trim() !== '') out.nodes.push({ kind: 'line', text: item, at: { line: out.line } } satisfies TextLine);
    } else if (isFrame(item)) {
      emitItems((item.rows.find((row) => row.cells.length > 0) as RowBuilder).cells[0]?.items ?? [], out);
    } else {
      out.nodes.push(buildTable(item, out.table));
      out.table += 1;
    }
  }
}

/**
 * Origin cells with grid positions. Columns come from w:gridSpan and w:gridBefore against the
 * table grid, with sliver grid columns (narrower than SLIVER_TWIPS, which LibreOffice and hand
 * edits leave when borders do not quite line up) folded into their neighbours so that the
 * same table has the same column numbers whoever saved it. w:vMerge="continue" cells extend
 * the rowSpan of the cell above that starts in the same column and are not emitted.
 */

/**
 * Origin cells with grid positions. Columns come from w:gridSpan and w:gridBefore against the
 * table grid, with sliver grid columns (narrower than SLIVER_TWIPS, which LibreOffice and hand
 * edits leave when borders do not quite line up) folded into their neighbours so that the
 * same table has the same column numbers whoever saved it. w:vMerge="continue" cells extend
 * the rowSpan of the cell above that starts in the same column and are not emitted.
 */
function buildTable(table: TableBuilder, index: number): Table {
  let width = table.grid.length;
  for (const row of table.rows) {
    width = Math.max(
      width,
      row.cells.reduce((sum, cell) => sum + cell.span, row.before),
    );
  }
  const logical = logicalColumns(table.grid, width);
  const rows = table.rows.map((row) => {
    const placed: PlacedCell[] = [];
    let g = row.before;
    for (const cell of row.cells) {
      const start = logical[Math.min(g, width)] as number;
      const end = logical[Math.min(g + cell.span, width)] as number;
      g += cell.span;
      placed.push({ text: cellText(cell), start, end, mergedLeft: cell.hMergeContinue, vMerge: cell.vMerge });
    }
    return placed;
  });
  return mergedCellTable(rows, index, { joinMergedText: false, dropEmptyZeroWidth: true });
}

/** logical[g] = the logical column where grid column g starts (slivers do not count). */
function logicalColumns(grid: readonly number[], width: number): number[] {
  const logical = new Array<number>(width + 1);
  const realColumns = grid.filter((w) => !(w < SLIVER_TWIPS)).length;
  let count = 0;
  for (let g = 0; g <= width; g += 1) {
    logical[g] = count;
    const w = grid[g];
    if (g < width && (realColumns === 0 || w === undefined || !(w < SLIVER_TWIPS))) count += 1;
  }
  return logical;
}
