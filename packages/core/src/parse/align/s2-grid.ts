import { CELLS, S2_BLOCKS, type S2Block } from '../../model/cells.js';
import { COUNT, type BlockTarget } from './blocks.js';
import type { Candidate } from './stream.js';

/*
 * Section 二's figures printed apart from their labels. pdftotext's default reading order takes a
 * LibreOffice PDF's small tables by text blocks: the row labels first ("规章 规范性文件"), then a
 * column header or two and their figures as one run ("本年新制作数量 本年新公开数量 0 2 24 1"), and a
 * third column elsewhere, even after the next table ("现行有效件数 1 5"). No label stands before
 * each row's figures, and the aligner (dp.ts: a run a row) leaves the rows open. Here a run that
 * follows a table's column headers directly, and holds exactly one figure for each of its rows
 * under each of those headers, is read as that grid: row by row or column by column, the two
 * orders pdftotext gives. A cell is placed only where every order whose figures fit their columns
 * (no sign in a count, no decimals in a count) gives it the same value: one column or one row
 * always; of a 2×2 block the first and last cell, the two between only where they are equal.
 * The table is the one whose headers these are; headers two tables share (处理决定数量) are the
 * table's whose item (第二十条第（五）项) was printed with this run or the run before. Nothing
 * is placed over a value read otherwise, and a block one of whose cells was read with another
 * value is left alone.
 */

const squeeze = (text: string): string => text.normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, '');

interface Grid {
  readonly block: S2Block;
  readonly item: string;
  readonly heads: readonly string[];
}

const grids = new Map<string, Grid[]>();
const FORMATS = Object.keys(S2_BLOCKS) as BlockTarget['format'][];

function gridsOf(format: BlockTarget['format']): Grid[] {
  let out = grids.get(format);
  if (!out) {
    out = S2_BLOCKS[format].map((block) => ({
      block,
      item: squeeze(block.item),
      heads: (block.rows[0]?.columns ?? []).map((column) => squeeze(column.label)),
    }));
    grids.set(format, out);
  }
  return out;
}

/** The column headers the text ends with, in print order (longest header first where two end it). */
function trailingHeads(text: string, all: readonly string[]): string[] {
  const out: string[] = [];
  let rest = text;
  for (;;) {
    const head = all.filter((h) => rest.endsWith(h)).sort((a, b) => b.length - a.length)[0];
    if (!head) return out;
    out.unshift(head);
    rest = rest.slice(0, -head.length);
  }
}

/** Where `part` stands in `heads` as consecutive headers, or -1. */
function indexOfRun(heads: readonly string[], part: readonly string[]): number {
  for (let start = 0; start + part.length <= heads.length; start += 1)
    if (part.every((head, k) => heads[start + k] === head)) return start;
  return -1;
}

/** A figure as its column takes it: a count as printed (COUNT), 本年增/减 with a sign, an amount with decimals. */
const FITS: Partial<Record<string, RegExp>> = {
  signedCount: /^[-+]?(?:0|[1-9]\d*)$/,
  money: /^(?:0|[1-9]\d*)(?:\.\d+)?$/,
};

/** The cells of the grid by ID in one order, or undefined where a figure does not fit its column. */
function reading(ids: readonly (readonly string[])[], pieces: readonly string[], byRows: boolean) {
  const rows = ids.length;
  const width = (ids[0] as readonly string[]).length;
  const values = new Map<string, number>();
  for (let r = 0; r < rows; r += 1)
    for (let c = 0; c < width; c += 1) {
      const id = (ids[r] as readonly string[])[c] as string;
      const piece = pieces[byRows ? r * width + c : c * rows + r] as string;
      if (!(FITS[CELLS.get(id)?.kind ?? 'count'] ?? COUNT).test(piece)) return undefined;
      values.set(id, Number(piece));
    }
  return values;
}

/** The table the headers belong to: the only one that prints them, or the one whose item was just printed. */
function gridFor(heads: readonly string[], format: BlockTarget['format'], item: Grid | undefined): Grid | undefined {
  const holding = gridsOf(format).filter((grid) => indexOfRun(grid.heads, heads) >= 0);
  if (holding.length === 1) return holding[0];
  return item && holding.includes(item) ? item : undefined;
}

/** The table whose item ("第二十条第（五）项") the text names last, if any. */
function itemIn(text: string, format: BlockTarget['format']): Grid | undefined {
  let found: Grid | undefined;
  let at = -1;
  for (const grid of gridsOf(format)) {
    const i = text.lastIndexOf(grid.item);
    if (i > at) [found, at] = [grid, i];
  }
  return found;
}

/** Reads the grids into `out`; `headed` gets every cell a grid decides, placed here or read alike before. */
export function readS2Grids(stream: readonly Candidate[], out: BlockTarget, headed: Set<string>): void {
  // Both formats' headers, the longest taken first: 本年处理决定数量 (2021) is not 2019's 处理决定数量.
  const all = [...new Set(FORMATS.flatMap((format) => gridsOf(format).flatMap((grid) => grid.heads)))];
  let previous: Grid | undefined;
  // The tables whose row labels stood before a grid of theirs: a column printed further on is theirs too.
  const labelled = new Set<Grid>();
  // The text before the last runs, where those runs were grids: labels printed there
  // ("行政事业性收费 现行有效件数 1 5") are not those runs', and may be the next grid's.
  let spare = '';
  // A grid under some of its table's headers only where the others are printed too: a header row
  // split into blocks, not one whose other headers are lost (its figures may then be a row's).
  let printed: string | undefined;
  const whole = (grid: Grid): boolean => {
    printed ??= stream.map((candidate) => candidate.before.replace(/[\s\u3000\u00a0]+/g, '')).join('|');
    return grid.heads.every((head) => (printed as string).includes(head));
  };
  for (const candidate of stream) {
    // The text before a run is NFKC already (stream.ts): its spaces alone go.
    const text = candidate.before.replace(/[\s\u3000\u00a0]+/g, '');
    const named = itemIn(text, out.format);
    const heads = trailingHeads(text, all);
    const grid = heads.length > 0 ? gridFor(heads, out.format, named ?? previous) : undefined;
    previous = named;
    const labels = spare;
    spare = '';
    if (!grid) continue;
    const headsAt = text.length - heads.reduce((sum, head) => sum + head.length, 0);
    if (!labelled.has(grid) && !labelsIn(labels + text.slice(0, headsAt), grid)) continue;
    if (heads.length < grid.heads.length && !whole(grid)) continue;
    if (!readGrid(grid, heads, candidate, out, headed)) continue;
    labelled.add(grid);
    // Grid after grid (chromium prints every table's labels first, then each table's headers and figures).
    spare = labels + text.slice(0, headsAt);
  }
}

/** Whether the table's row labels are all printed, in order, in the text (and no other figures came between). */
function labelsIn(text: string, grid: Grid): boolean {
  let from = 0;
  for (const row of grid.block.rows) {
    const at = text.indexOf(squeeze(row.label), from);
    if (at < 0) return false;
    from = at + squeeze(row.label).length;
  }
  return true;
}

function readGrid(
  grid: Grid,
  heads: readonly string[],
  candidate: Candidate,
  out: BlockTarget,
  headed: Set<string>,
): boolean {
  const pieces = candidate.run.pieces;
  const start = indexOfRun(grid.heads, heads);
  const ids = grid.block.rows.map((row) =>
    row.columns.slice(start, start + heads.length).map((column) => `s2.${row.key}.${column.key}`),
  );
  if (pieces.length !== ids.length * heads.length) return false;
  const readings = [true, false].map((byRows) => reading(ids, pieces, byRows)).filter((values) => values !== undefined);
  const first = readings[0];
  if (!first) return false;
  const agreed = [...first].filter(([id, value]) => readings.every((r) => r.get(id) === value));
  // A cell read with another value from another run: this run is not that grid, or not read so.
  // From this very run (the aligner split "12" under 政府集中采购 as 1 and 2), the headers say more.
  const other = (id: string, value: number): boolean => {
    const had = out.values.get(id);
    return had !== undefined && had.value !== null && had.value !== value && had.source !== candidate.source;
  };
  if (agreed.some(([id, value]) => other(id, value))) return false;
  // The aligner's other cells from this run were read as its row; the headers read it otherwise.
  const mine = new Set(first.keys());
  for (const [id, had] of out.values) if (had.source === candidate.source && !mine.has(id)) out.values.delete(id);
  const placed = agreed.filter(([id, value]) => out.values.get(id)?.value !== value);
  const read = (id: string): boolean => (out.values.get(id)?.value ?? null) !== null;
  const open = [...first.keys()].filter((id) => !agreed.some(([a]) => a === id) && !read(id));
  for (const [id] of agreed) headed.add(id);
  if (placed.length === 0) return true;
  const raw = candidate.raw.trim().replace(/\s+/g, ' ');
  const source = { ...candidate.source, text: raw };
  for (const [id, value] of placed) out.values.set(id, { value, source, confidence: CONFIDENCE, placedBy: 'label' });
  const where = `第二部分${grid.block.item}的数值与行标签分开印出（表头“${heads.join('、')}”下“${raw}”）`;
  out.findings.push({
    rule: 'read-as-block',
    severity: 'info',
    message: `${where}，${how(ids.length > 1 && heads.length > 1, readings.length)}，据此填入，请与原文核对`,
    cells: placed.map(([id]) => id),
  });
  if (open.length > 0)
    out.findings.push({
      rule: 'split-ambiguous',
      severity: 'warning',
      message: `${where}，逐行读与逐列读所得不同，不能确定这几格，留空，请对照原文`,
      cells: open,
    });
  return true;
}

/** How the grid's cells were decided, in the finding's words. */
function how(grid: boolean, readings: number): string {
  if (!grid) return '按表头与行序读出';
  return readings === 1 ? '逐行、逐列两种读法中只有一种合乎各列（负数、小数）' : '取逐行、逐列两种读法所得相同的格';
}

/** Below a row read beside its label: the grid's place is read from the headers and the order of print. */
const CONFIDENCE = 0.8;
