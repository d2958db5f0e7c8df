import { countsOf, place, type BlockTarget } from './blocks.js';
import type { TemplateAlignment } from './dp.js';
import { s3RowAddsUp } from './sums.js';
import type { TableHead } from './tail.js';
import type { TemplateRow } from './template.js';
import { checkedAcross } from './tail.js';

/*
 * Section 三's first rows on the first page of a table split over two pages (tail.ts reads the
 * second). pdftotext's default order cuts the first few rows (一、本年新收, 二、上年结转, (一)予以公开:
 * the rows whose labels take one line) by columns into text blocks that come in turn: the first
 * run after the section's heading holds a column or two of those rows, the next run (among the
 * header's words) starts with the next columns, the one after the row labels with the last; each
 * piece a line a figure, row by row or column by column; the rest of each run is later rows'.
 *
 * Every way to cut the first h rows so (h from 2, the first run wholly theirs) is weighed; a way
 * is taken where each row's total holds and 一 + 二 = (七) + 四 in every column, (七) and 四 read
 * from the second page. Only where all such ways give the same rows are they placed.
 */

const WIDTH = 7;
/** Most rows cut so: beyond this a page's first block is no longer a few one-line rows. */
const MOST_ROWS = 4;
const CONFIDENCE = 0.85;

interface Reading {
  readonly h: number;
  readonly cells: number[][];
}

/** The ways to split `width` columns into `parts` consecutive runs of at least one. */
function compositions(width: number, parts: number): number[][] {
  if (parts === 1) return [[width]];
  const out: number[][] = [];
  for (let first = 1; first <= width - parts + 1; first += 1)
    for (const rest of compositions(width - first, parts - 1)) out.push([first, ...rest]);
  return out;
}

/** The h rows' figures as cut by `widths` from the runs' starts, each piece in `orders`; undefined when a run is short. */
function cut(
  counts: readonly number[][],
  widths: readonly number[],
  orders: number,
  h: number,
): number[][] | undefined {
  const cells: number[][] = Array.from({ length: h }, () => []);
  for (let p = 0; p < widths.length; p += 1) {
    const w = widths[p] as number;
    const run = counts[p] as number[];
    if (run.length < w * h) return undefined;
    const byColumns = ((orders >> p) & 1) === 1;
    for (let r = 0; r < h; r += 1)
      for (let c = 0; c < w; c += 1) (cells[r] as number[]).push(run[byColumns ? c * h + r : r * w + c] as number);
  }
  return cells;
}

/** Whether 一 + 二 = (七) + 四 holds in every column, (七) and 四 known. */
function balances(cells: readonly number[][], total: readonly number[], carriedOut: readonly number[]): boolean {
  for (let c = 0; c < WIDTH; c += 1) {
    const left = (cells[0] as number[])[c] as number;
    const right = (cells[1] as number[])[c] as number;
    if (left + right !== (total[c] as number) + (carriedOut[c] as number)) return false;
  }
  return true;
}

function readings(counts: readonly number[][], total: readonly number[], carriedOut: readonly number[]): Reading[] {
  const out: Reading[] = [];
  for (let h = 2; h <= MOST_ROWS; h += 1) {
    // The first run is wholly the first rows'.
    const first = (counts[0] as number[]).length;
    if (first % h !== 0) continue;
    for (let parts = 2; parts <= Math.min(counts.length, WIDTH); parts += 1) {
      for (const widths of compositions(WIDTH, parts)) {
        if ((widths[0] as number) * h !== first) continue;
        for (let orders = 0; orders < 1 << parts; orders += 1) {
          const cells = cut(counts, widths, orders, h);
          if (cells && cells.every(s3RowAddsUp) && balances(cells, total, carriedOut)) out.push({ h, cells });
        }
      }
    }
  }
  return out;
}

/** The first rows of a table whose second page the tail read (see above), where the sums decide them. */
export function readTableHead(best: TemplateAlignment, head: TableHead, out: BlockTarget): void {
  const s3 = best.template.rows.filter((row) => row.table === 's3');
  const counts = head.runs.map((run) => countsOf([run]));
  if (counts.some((c) => c === undefined)) return;
  const all = counts as number[][];
  if (all.reduce((sum, run) => sum + run.length, 0) !== head.rows * WIDTH) return;
  const known = (row: TemplateRow | undefined) => row?.ids.map((id) => out.values.get(id)?.value);
  const total = known(s3.find((row) => row.ids[0]?.startsWith('s3.total.')));
  const carriedOut = known(s3.find((row) => row.ids[0]?.startsWith('s3.carriedOut.')));
  if (!total || !carriedOut || [...total, ...carriedOut].some((v) => typeof v !== 'number')) return;
  if (!s3[0]?.ids[0]?.startsWith('s3.new.') || !s3[1]?.ids[0]?.startsWith('s3.carriedIn.')) return;
  const found = readings(all.slice(0, WIDTH), total as number[], carriedOut as number[]);
  const first = found[0];
  if (!first) return;
  const key = (reading: Reading) => reading.cells.join(';');
  if (!found.every((reading) => key(reading) === key(first))) return;
  const rows = s3.slice(0, first.h);
  if (rows.some((row) => row.ids.some((id) => out.values.has(id)))) return;
  const values = new Map<string, number>();
  rows.forEach((row, r) => row.ids.forEach((id, c) => values.set(id, (first.cells[r] as number[])[c] as number)));
  if (checkedAcross(values, out) < 0) return;
  // place() also takes these cells out of the aligner's split-ambiguous finding (it took the first
  // run for 一's row, short of a figure): the cut rows, whose sums hold, answer it.
  place(
    { order: 'columns', values, runs: head.runs.slice(0, 3) },
    out,
    CONFIDENCE,
    '各行合计与“一＋二＝（七）＋四”均相符',
  );
  out.rowsFound.s3 += first.h;
}
