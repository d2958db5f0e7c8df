import { joiner, visualLines } from './lines.js';
import type { Rule } from './rules.js';
import type { Run } from './text.js';
import { turnedMiddle, type TurnedRun } from './turned.js';

/* Grids: crossing rules grouped into tables; missing rules are merged cells; runs placed in cells. */

/** More horizontal × vertical rules than this on a page, and no tables are looked for. */
const MAX_RULE_PAIRS = 1_000_000;
/** A grid of more cells than this is a drawing (graph paper, a chart), not a table. */
const MAX_GRID_CELLS = 20_000;
/** Rules this close (in points) are one grid line: double borders, or a border drawn per cell. */
const GRID_SNAP = 3;

/** A table found from the ruling lines drawn on a page, with its cells' text. */
export interface PageTable {
  /** Top edge, for reading order. */
  readonly y: number;
  readonly rows: readonly (readonly {
    text: string;
    row: number;
    column: number;
    rowSpan: number;
    colSpan: number;
  }[])[];
}

/** Sorted positions with neighbours closer than GRID_SNAP merged. */
function snap(values: number[]): number[] {
  values.sort((p, q) => p - q);
  const out: number[] = [];
  for (const value of values) if (out.length === 0 || value - (out.at(-1) as number) > GRID_SNAP) out.push(value);
  return out;
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    this.parent[i] = root;
    return root;
  }
  union(i: number, j: number): void {
    this.parent[this.find(i)] = this.find(j);
  }
}

export interface Grid {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly horizontal: readonly Rule[];
  readonly vertical: readonly Rule[];
}

/** Groups crossing rules into tables, each with at least two columns. */
export function findGrids(horizontal: Rule[], vertical: Rule[]): Grid[] {
  // Every pair is compared: a page of hatching or a vector drawing is no table worth that.
  if (horizontal.length * vertical.length > MAX_RULE_PAIRS) return [];
  const all = [...horizontal, ...vertical];
  const sets = new UnionFind(all.length);
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      if (
        v.at >= h.from - GRID_SNAP &&
        v.at <= h.to + GRID_SNAP &&
        h.at >= v.from - GRID_SNAP &&
        h.at <= v.to + GRID_SNAP
      ) {
        sets.union(i, horizontal.length + j);
      }
    });
  });
  const groups = new Map<number, { horizontal: Rule[]; vertical: Rule[] }>();
  all.forEach((rule, i) => {
    const root = sets.find(i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { horizontal: [], vertical: [] }));
    (i < horizontal.length ? group.horizontal : group.vertical).push(rule);
  });
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    if (group.horizontal.length < 2 || group.vertical.length < 2) continue;
    // Open-sided tables: the outermost horizontal rules' ends are edges too, and likewise.
    const xs = snap([...group.vertical.map((v) => v.at), ...group.horizontal.flatMap((h) => [h.from, h.to])]);
    const ys = snap([...group.horizontal.map((h) => h.at), ...group.vertical.flatMap((v) => [v.from, v.to])]);
    const cells = (xs.length - 1) * (ys.length - 1);
    if (xs.length >= 3 && ys.length >= 2 && cells <= MAX_GRID_CELLS) grids.push({ xs, ys, ...group });
  }
  return grids;
}

const covers = (rules: readonly Rule[], at: number, from: number, to: number): boolean => {
  const middle = (from + to) / 2;
  return rules.some((rule) => Math.abs(rule.at - at) <= GRID_SNAP && rule.from <= middle && rule.to >= middle);
};

/** Index of the grid interval holding `value`, or -1 outside. */
function interval(edges: readonly number[], value: number): number {
  if (value < (edges[0] as number) || value > (edges.at(-1) as number)) return -1;
  let i = 0;
  while (i < edges.length - 2 && value > (edges[i + 1] as number)) i += 1;
  return i;
}

/** Joins a cell's visual lines (and the fragments of each) as the wrapped text they are. */
function cellText(runs: Run[]): string {
  const parts = visualLines(runs, Infinity).map((line) => line.text);
  return parts.reduce((text, part) => (text === '' ? part : text + joiner(text, part, Infinity, 1) + part), '');
}

/** The cell of the grid at a display-space point, if any. */
type CellAt = (x: number, y: number) => GridCell | undefined;
interface GridCell {
  row: number;
  column: number;
  rowEnd: number;
  columnEnd: number;
  runs: Run[];
  turned: TurnedRun[];
}

/** Moves the turned runs that fall in a cell (by their middle) into it; returns how many did. */
function placeTurned(turned: TurnedRun[], cellAt: CellAt): number {
  const outside: TurnedRun[] = [];
  for (const run of turned) {
    const cell = cellAt(...turnedMiddle(run));
    if (cell) cell.turned.push(run);
    else outside.push(run);
  }
  const taken = turned.length - outside.length;
  turned.splice(0, turned.length, ...outside);
  return taken;
}

/** The text of a cell's turned runs: each way's lines in reading order, as wrapped text. */
function turnedText(runs: readonly TurnedRun[]): string {
  const parts: string[] = [];
  for (const turn of ['up', 'down'] as const) {
    const own = runs.filter((run) => run.turn === turn);
    if (own.length > 0) parts.push(...visualLines(own, Infinity).map((line) => line.text));
  }
  return parts.reduce((text, part) => (text === '' ? part : text + joiner(text, part, Infinity, 1) + part), '');
}

/** A cell's text: its upright lines, then its turned ones (a quarter turn, a narrow column's header). */
function gridCellText(cell: GridCell): string {
  const upright = cellText(cell.runs);
  if (cell.turned.length === 0) return upright;
  const turned = turnedText(cell.turned);
  return upright === '' ? turned : upright + joiner(upright, turned, Infinity, 1) + turned;
}

/**
 * Builds the table of one grid, taking the runs that fall in it out of `runs`, and the turned
 * runs that fall in its cells out of `turned`.
 */
export function gridTable(grid: Grid, runs: Run[], turned: TurnedRun[] = []): PageTable | undefined {
  const { xs, ys } = grid;
  const columns = xs.length - 1;
  const rows = ys.length - 1;
  const sets = new UnionFind(rows * columns);
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      const [left, right, top, bottom] = [xs[c] as number, xs[c + 1] as number, ys[r] as number, ys[r + 1] as number];
      if (c + 1 < columns && !covers(grid.vertical, right, top, bottom))
        sets.union(r * columns + c, r * columns + c + 1);
      if (r + 1 < rows && !covers(grid.horizontal, bottom, left, right))
        sets.union(r * columns + c, (r + 1) * columns + c);
    }
  }
  const cells = new Map<number, GridCell>();
  for (let i = 0; i < rows * columns; i += 1) {
    const root = sets.find(i);
    const [row, column] = [Math.floor(i / columns), i % columns];
    const cell = cells.get(root);
    if (!cell) cells.set(root, { row, column, rowEnd: row, columnEnd: column, runs: [], turned: [] });
    else {
      cell.row = Math.min(cell.row, row);
      cell.column = Math.min(cell.column, column);
      cell.rowEnd = Math.max(cell.rowEnd, row);
      cell.columnEnd = Math.max(cell.columnEnd, column);
    }
  }
  const cellAt: CellAt = (x, y) => {
    const [column, row] = [interval(xs, x), interval(ys, y)];
    return column < 0 || row < 0 ? undefined : cells.get(sets.find(row * columns + column));
  };
  const outside: Run[] = [];
  let taken = 0;
  for (const run of runs) {
    // A run belongs where its middle is: half an em above the baseline, half-way across.
    const cell = cellAt((run.x0 + run.x1) / 2, run.y - run.size / 2);
    if (!cell) {
      outside.push(run);
      continue;
    }
    cell.runs.push(run);
    taken += 1;
  }
  if (turned.length > 0) taken += placeTurned(turned, cellAt);
  if (taken === 0) return undefined;
  runs.splice(0, runs.length, ...outside);
  const table: PageTable['rows'][number][number][][] = Array.from({ length: rows }, () => []);
  for (const cell of cells.values()) {
    table[cell.row]?.push({
      text: gridCellText(cell),
      row: cell.row,
      column: cell.column,
      rowSpan: cell.rowEnd - cell.row + 1,
      colSpan: cell.columnEnd - cell.column + 1,
    });
  }
  for (const row of table) row.sort((p, q) => p.column - q.column);
  return { y: ys[0] as number, rows: table };
}
