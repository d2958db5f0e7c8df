import type { DocumentNode, Table } from '../../document.js';
import { mergedCellTable, type PlacedCell } from '../merged-cells.js';
import type { RowDef } from './properties.js';

/** Grid boundaries closer than this (twips, ~1 mm) are one boundary: rounding, not a column. */
const SNAP_TWIPS = 60;

export type Item = string | TableBuild;

export interface CellBuild {
  items: Item[];
}

export interface RowBuild {
  cells: CellBuild[];
  def: RowDef | undefined;
}

export interface TableBuild {
  rows: RowBuild[];
}

/** A nested table as text: its rows on lines, cells separated by tabs. */
function flattenTable(table: TableBuild): string {
  return table.rows
    .map((row) => row.cells.map((cell) => cellText(cell).replace(/\s*\n\s*/g, ' ')).join('\t'))
    .join('\n');
}

/** A cell's paragraphs joined by line breaks; a nested table is flattened into it, as in docx.ts. */
export function cellText(cell: CellBuild): string {
  return cell.items
    .map((item) => (typeof item === 'string' ? item : flattenTable(item)))
    .join('\n')
    .trim();
}

/**
 * Grid positions from the rows' cell boundaries: the boundaries of all rows, snapped together
 * within SNAP_TWIPS, are the grid's column lines. Rows without a usable definition (cell count
 * differs from the marks found) number their cells left to right.
 */
function buildTable(table: TableBuild, index: number): Table {
  const usable = (row: RowBuild): RowDef | undefined =>
    row.def && row.def.centers.length === row.cells.length + 1 ? row.def : undefined;
  const lines: number[] = [];
  for (const row of table.rows) lines.push(...(usable(row)?.centers ?? []));
  lines.sort((a, b) => a - b);
  const snapped: number[] = [];
  for (const x of lines) {
    if (snapped.length === 0 || x - (snapped[snapped.length - 1] as number) > SNAP_TWIPS) snapped.push(x);
  }
  /** The grid line nearest to x. */
  const column = (x: number): number => {
    let lo = 0;
    let hi = snapped.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((snapped[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && x - (snapped[lo - 1] as number) <= (snapped[lo] as number) - x ? lo - 1 : lo;
  };
  const rows = table.rows.map((row) => {
    const def = usable(row);
    return row.cells.map((cell, k): PlacedCell => {
      const vert = def ? (def.vert[k] ?? 0) : 0;
      return {
        text: cellText(cell),
        start: def ? column(def.centers[k] as number) : k,
        end: def ? column(def.centers[k + 1] as number) : k + 1,
        mergedLeft: def !== undefined && (def.horz[k] ?? 0) >= 2,
        vMerge: vert === 0 ? 'none' : vert === 1 ? 'continue' : 'restart',
      };
    });
  });
  return mergedCellTable(rows, index, { joinMergedText: true, dropEmptyZeroWidth: false });
}

export interface Emitter {
  nodes: DocumentNode[];
  line: number;
  table: number;
}

/** A 1×1 table holding a table is a frame around content: read what it holds as body (see docx.ts). */
export function emitItems(items: readonly Item[], out: Emitter): void {
  for (const item of items) {
    if (typeof item === 'string') {
      out.line += 1;
      if (item.trim() !== '') out.nodes.push({ kind: 'line', text: item, at: { line: out.line } });
      continue;
    }
    const cells = item.rows.flatMap((row) => row.cells);
    const only = cells[0];
    if (cells.length === 1 && only && only.items.some((x) => typeof x !== 'string')) {
      emitItems(only.items, out);
      continue;
    }
    out.nodes.push(buildTable(item, out.table));
    out.table += 1;
  }
}
