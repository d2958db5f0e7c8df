import { CELLS } from '../../model/cells.js';
import { detached } from '../../model/interned.js';
import { splitRun, type DigitRun } from './split.js';
import type { Candidate } from './stream.js';
import { ALL_ROWS, rowIndex, type Template, type TemplateRow } from './template.js';

/*
 * Dynamic programming over the template's rows and the document's runs of numbers: each row
 * takes at most one run, in order, scored by how well the text before the run names the row;
 * a run that cannot be read as the row's cells (a year in the prose, a phone number) cannot
 * take it. The best total wins; among equals, the earliest runs (a page that prints its table
 * twice gives the first).
 */

export interface RowReading {
  readonly row: TemplateRow;
  readonly candidate: Candidate;
  readonly score: number;
  /** The readings of the run as the row's cells. */
  readonly splits: readonly (readonly number[])[];
  /** Whether the splits satisfy the row's own sums (always, unless read by position alone). */
  readonly sumsHold: boolean;
  /** Whether one cell is given by the row's sums, the row being printed a cell short. */
  readonly derived: boolean;
}

export interface RowSplits {
  readonly splits: number[][];
  readonly sumsHold: boolean;
  /** Whether one cell of each reading is not printed but given by the row's sums (a cell left out). */
  readonly derived?: boolean;
}

const SPLIT_LIMIT = 32;
/**
 * A section 二 row's readings are all listed: a cell they agree on is placed, and agreement among
 * some of them is no evidence. Three cells of at most 12 digits give at most 595 readings.
 */
const S2_SPLIT_LIMIT = 1024;

/** The readings of a run as a row's cells, by the row's sums where it has them. */
export function rowSplits(row: TemplateRow, run: DigitRun, printed: string = run.pieces.join(' ')): RowSplits {
  // The three templates share rows and the same runs recur: each run is split once per row shape.
  // The shape says which cells carry a sign: a 2019 register row (上一年, 本年增/减, 处理决定) and
  // a row of three counts split a signed run differently. Kept by shape, then by the run as
  // printed: a key joining the two would be a new string to hash at every look.
  const shape = shapeOf(row);
  let byRun = splitCache.get(shape);
  if (!byRun) {
    byRun = new Map();
    splitCache.set(shape, byRun);
  }
  let split = byRun.get(printed);
  if (!split) {
    split = rowSplitsUncached(row, run);
    if (cachedSplits >= SPLIT_CACHE_SIZE) {
      for (const runs of splitCache.values()) runs.clear();
      cachedSplits = 0;
    }
    byRun.set(detached(printed), split);
    cachedSplits += 1;
  }
  return split;
}

const splitCache = new Map<string, Map<string, RowSplits>>();
let cachedSplits = 0;
const SPLIT_CACHE_SIZE = 5_000;

/** The row's table, and for section 二 which of its cells carry a sign ("s2uSu"); s3 and s4 rows by their count. */
function shapeOf(row: TemplateRow): string {
  let shape = shapes.get(row);
  if (shape === undefined) {
    shape =
      row.table === 's2'
        ? `s2${row.ids.map((id) => (CELLS.get(id)?.kind === 'signedCount' ? 'S' : 'u')).join('')}`
        : `${row.table}${row.ids.length}`;
    shapes.set(row, shape);
  }
  return shape;
}

const shapes = new WeakMap<TemplateRow, string>();

function rowSplitsUncached(row: TemplateRow, run: DigitRun): RowSplits {
  const count = row.ids.length;
  if (row.table === 's2') {
    // Only 本年增/减 carries a sign: a "−" or "+" before any other cell means it starts the next one.
    const signed = row.ids.map((id) => CELLS.get(id)?.kind === 'signedCount');
    const splits = splitRun(run, count, { maxDigits: 12, limit: S2_SPLIT_LIMIT, signed });
    return { splits, sumsHold: true };
  }
  const width = row.table === 's3' ? 7 : 5;
  const splits = splitRun(run, count, { maxDigits: 7, limit: SPLIT_LIMIT, groupWidth: width });
  if (splits.length > 0) return { splits, sumsHold: true };
  // "00 20 03": no count is printed with a leading 0 (two rows' digits interleaved at a page break).
  const separate = run.pieces.every((piece) => /^(?:0|[1-9]\d*)$/.test(piece));
  // The organ's own figures may break a row sum: read by position when every cell stands apart.
  if (separate && run.pieces.length === count) return { splits: [run.pieces.map(Number)], sumsHold: false };
  if (separate && run.pieces.length === count - 1) {
    const derived = withOneLeftOut(run.pieces.map(Number), width);
    if (derived.length > 0) return { splits: derived, sumsHold: true, derived: true };
  }
  return { splits: [], sumsHold: false };
}

/**
 * The readings of a row printed one cell short (a blank the organ or a copy left out): the cell
 * put back at each place where the row's sums then give its value and hold in every group.
 */
export function withOneLeftOut(printed: readonly number[], width: number): number[][] {
  const out: number[][] = [];
  const seen = new Set<string>();
  for (let at = 0; at <= printed.length; at += 1) {
    const cells = [...printed.slice(0, at), 0, ...printed.slice(at)];
    const start = at - (at % width);
    const group = cells.slice(start, start + width);
    const last = width - 1;
    const others = group.reduce((sum, value, i) => (i === last || i === at - start ? sum : sum + value), 0);
    const value = at - start === last ? others : (group[last] as number) - others;
    if (value < 0) continue;
    cells[at] = value;
    if (!groupsHold(cells, width)) continue;
    const key = cells.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(cells);
  }
  return out;
}

function groupsHold(cells: readonly number[], width: number): boolean {
  for (let start = 0; start < cells.length; start += width) {
    const group = cells.slice(start, start + width);
    const sum = group.slice(0, -1).reduce((a, b) => a + b, 0);
    if (sum !== group[group.length - 1]) return false;
  }
  return true;
}

/** The least label score that can name a row. */
export const MIN_SCORE = 0.6;

/** A run with its label's score against every row (template.ts ALL_ROWS). */
export interface ScoredCandidate extends Candidate {
  readonly scores: Float64Array;
}

export interface TemplateAlignment {
  readonly template: Template;
  readonly total: number;
  readonly rows: readonly RowReading[];
}

/**
 * The pairs of rows and runs, each row's made once for all three templates (they share most rows,
 * and a pair does not depend on the template: a row of ALL_ROWS has one shape in every template,
 * align.test.ts checks it): the runs that name a row are split once, not once a template, and the
 * table below reads one flat array instead of asking for each of its cells. A pair's score is
 * 0 where the run cannot be read as the row's cells (a score that names a row is at least 0.48).
 */
export class PairTable {
  /** By row (ALL_ROWS order) and run: the pair's score, 0 where there is none. */
  readonly scores: Float64Array;
  private readonly made: boolean[];
  private readonly printed: (string | undefined)[];
  /** By row shape and run: the run's readings (rows of one shape, as section 三's, read a run alike). */
  private readonly byShape = new Map<string, (RowSplits | undefined)[]>();
  /**
   * By row (ALL_ROWS order): the first and the last run it pairs with (n and -1 when none). Arrays:
   * a typed array of this size costs more to make (its own buffer) than the pass that reads it.
   */
  readonly firstPair: number[];
  readonly lastPair: number[];

  constructor(private readonly candidates: readonly ScoredCandidate[]) {
    const n = candidates.length;
    this.scores = new Float64Array(ALL_ROWS.length * n);
    this.made = new Array<boolean>(ALL_ROWS.length).fill(false);
    this.printed = new Array<string | undefined>(n);
    this.firstPair = new Array<number>(ALL_ROWS.length).fill(n);
    this.lastPair = new Array<number>(ALL_ROWS.length).fill(-1);
  }

  /** Where the row's pairs start in `scores`, made on the first call (`index`: the row's among ALL_ROWS). */
  of(row: TemplateRow, index: number = rowIndex(row)): number {
    const n = this.candidates.length;
    const offset = index * n;
    if (this.made[index]) return offset;
    this.made[index] = true;
    const shape = shapeOf(row);
    let known = this.byShape.get(shape);
    if (!known) {
      known = new Array<RowSplits | undefined>(n);
      this.byShape.set(shape, known);
    }
    for (let j = 0; j < n; j += 1) {
      const candidate = this.candidates[j] as ScoredCandidate;
      const score = candidate.scores[index] as number;
      // Most runs name no row: only the pairs that do are split.
      if (score < MIN_SCORE) continue;
      const split = (known[j] ??= rowSplits(row, candidate.run, (this.printed[j] ??= candidate.run.pieces.join(' '))));
      if (split.splits.length === 0) continue;
      this.scores[offset + j] = split.sumsHold && !split.derived ? score : score * 0.8;
      if (j < (this.firstPair[index] as number)) this.firstPair[index] = j;
      this.lastPair[index] = j;
    }
    return offset;
  }

  /**
   * The readings of run j as the row's cells, where the pair has a score: kept by the row's shape
   * (`byShape`), not again in an array by row and run of which few entries are ever filled.
   */
  split(row: TemplateRow, j: number): RowSplits {
    return (this.byShape.get(shapeOf(row)) as (RowSplits | undefined)[])[j] as RowSplits;
  }
}

/**
 * One row of the table, `best` holding the rows one after another: here[j] = max(here[j - 1],
 * above[j], above[j - 1] + score of run j). Only the columns from the row's first pair to its last
 * need the whole step: before them the row adds nothing, and a total is the one above (totals never
 * fall along a row); after them it is the larger of the row's last total and the one above. Both
 * only choose among the same numbers, so the table is the same to the bit as the whole step gives.
 */
function fillRow(
  best: Float64Array,
  here: number,
  above: number,
  scores: Float64Array,
  offset: number,
  n: number,
  /** Columns (runs from 1) of the row's first and last pair; lo > hi when it pairs with none. */
  lo: number,
  hi: number,
): void {
  if (lo > hi) {
    best.copyWithin(here, above, above + n + 1);
    return;
  }
  best.copyWithin(here, above, above + lo);
  for (let j = lo; j <= hi; j += 1) {
    let value = Math.max(best[here + j - 1] as number, best[above + j] as number);
    const score = scores[offset + j] as number;
    if (score > 0) value = Math.max(value, (best[above + j - 1] as number) + score);
    best[here + j] = value;
  }
  const top = best[here + hi] as number;
  let j = hi + 1;
  for (; j <= n && (best[above + j] as number) < top; j += 1) best[here + j] = top;
  if (j <= n) best.copyWithin(here + j, above + j, above + n + 1);
}

/** Each template's rows by their index among ALL_ROWS, looked up once, not at every alignment. */
const rowIndices = new WeakMap<Template, readonly number[]>();

function indicesOf(template: Template): readonly number[] {
  let indices = rowIndices.get(template);
  if (!indices) {
    indices = template.rows.map(rowIndex);
    rowIndices.set(template, indices);
  }
  return indices;
}

/**
 * The table of the alignment, kept from one to the next (each is done before the next starts, and
 * nothing it gives back refers to it): a new buffer of this size is its own allocation, which
 * costs more than filling it.
 */
let scratch = new Float64Array(4096);

export function alignTemplate(
  template: Template,
  candidates: readonly ScoredCandidate[],
  table: PairTable = new PairTable(candidates),
): TemplateAlignment {
  const rows = template.rows;
  const indices = indicesOf(template);
  const offsets = rows.map((row, i) => table.of(row, indices[i]));
  const scores = table.scores;
  const m = rows.length;
  const n = candidates.length;
  // best[i * w + j]: the best total aligning rows [0, i) to candidates [0, j). One flat buffer, no
  // view per row: with some thirty runs and rows, making the views cost more than the pass. Row 0
  // is zeros; fillRow writes every column of the rows after it.
  const w = n + 1;
  if (scratch.length < (m + 1) * w) scratch = new Float64Array((m + 1) * w);
  const best = scratch;
  best.fill(0, 0, w);
  for (let i = 1; i <= m; i += 1) {
    const index = indices[i - 1] as number;
    const lo = (table.firstPair[index] as number) + 1;
    const hi = (table.lastPair[index] as number) + 1;
    fillRow(best, i * w, (i - 1) * w, scores, (offsets[i - 1] as number) - 1, n, lo, hi);
  }
  const readings: RowReading[] = [];
  let i = m;
  let j = n;
  while (i > 0 && j > 0) {
    const value = best[i * w + j] as number;
    if (value === best[i * w + j - 1]) j -= 1;
    else if (value === best[(i - 1) * w + j]) i -= 1;
    else {
      const offset = offsets[i - 1] as number;
      const split = table.split(rows[i - 1] as TemplateRow, j - 1);
      readings.push({
        row: rows[i - 1] as TemplateRow,
        candidate: candidates[j - 1] as Candidate,
        score: scores[offset + j - 1] as number,
        splits: split.splits,
        sumsHold: split.sumsHold,
        derived: split.derived ?? false,
      });
      i -= 1;
      j -= 1;
    }
  }
  readings.reverse();
  return { template, total: best[m * w + n] as number, rows: readings };
}
