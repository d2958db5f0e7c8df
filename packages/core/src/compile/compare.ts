import { ALL_CELL_IDS, cellName, formatCellIds } from '../model/cells.js';
import type { Report } from '../model/schema.js';

/** Two amounts within one 元 (0.0001 万元) are the same figure, as the rules hold them. */
const TOLERANCE = 1e-4;

export interface CellDifference {
  readonly cellId: string;
  /** The cell's Chinese name, row · column. */
  readonly label: string;
  /** The value in `a`: a number, null for a blank cell, undefined when `a` lacks the cell. */
  readonly a: number | null | undefined;
  readonly b: number | null | undefined;
  /** `b − a` when both are numbers, else null. */
  readonly delta: number | null;
}

/**
 * The cells whose values differ between two reports — e.g. a published report as imported
 * (`a`) beside the one compiled from the registers (`b`) — in table order. A cell one report
 * has and the other lacks differs; so does a blank cell beside a number.
 */
export function compareReports(a: Report, b: Report): CellDifference[] {
  const differences: CellDifference[] = [];
  for (const cellId of cellOrder(a, b)) {
    const valueA = a.cells[cellId];
    const valueB = b.cells[cellId];
    if (sameValue(valueA, valueB)) continue;
    const delta =
      typeof valueA === 'number' && typeof valueB === 'number' ? Number((valueB - valueA).toFixed(4)) : null;
    differences.push({ cellId, label: cellName(cellId), a: valueA, b: valueB, delta });
  }
  return differences;
}

function sameValue(a: number | null | undefined, b: number | null | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= TOLERANCE;
  return a === b;
}

/** The cells either report holds: in a's table order, then b's, then any others of the catalogue. */
function cellOrder(a: Report, b: Report): string[] {
  const ordered = new Set<string>();
  for (const report of [a, b]) {
    if (report.meta.format !== 'unknown') for (const id of formatCellIds(report.meta.format)) ordered.add(id);
  }
  for (const id of ALL_CELL_IDS) ordered.add(id);
  return [...ordered].filter((id) => id in a.cells || id in b.cells);
}
