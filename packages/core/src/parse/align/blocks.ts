import type { OtherRowLayout, ReportFormat } from '../../model/cells.js';
import type { ParserFinding, ReadValue } from '../readings.js';
import type { RowReading, TemplateAlignment } from './dp.js';
import { holds, s3RowAddsUp, sumChecks, type SumCheck } from './sums.js';
import type { Candidate } from './stream.js';
import type { TemplateRow } from './template.js';

/*
 * Section 三 rows printed as a block apart from their labels. pdftotext's default reading order
 * takes a ruled table by text blocks: the figures of several rows come as one run with the labels
 * before or after them all ("5.要求行政机关确认或重新 | 8 1 0 1 0 1 11 0 0 0 5 0 3 8 … | （六）其他处理 |
 * 3.其他 | （七）总计"), row after row or column after column. No label then stands before each
 * row's figures, and the aligner's rows (dp.ts: a run a row) leave those rows out. Here the rows
 * left out between two rows the aligner read (a gap) are read from the runs between them, as a
 * block of k rows of seven, row by row or column by column: a hypothesis is taken only where the
 * runs hold exactly that many separate counts, and the table's sums — each row total, (七)总计
 * against the outcome rows, 一 + 二 = (七) + 四 — all hold for it, at least one across the rows,
 * and no other hypothesis holds them with other values. Else the rows stay open.
 */

/** What of the alignment (index.ts) the blocks read and add to. */
export interface BlockTarget {
  readonly format: ReportFormat;
  readonly other: OtherRowLayout;
  readonly values: Map<string, ReadValue & { readonly confidence: number; readonly placedBy: string }>;
  readonly findings: ParserFinding[];
  readonly rowsFound: Record<'s2' | 's3' | 's4', number>;
}

const WIDTH = 7;
/** A count as printed: no leading 0 ("00 01" are two rows' digits interleaved), no decimals, no sign. */
export const COUNT = /^(?:0|[1-9]\d*)$/;
/** Confidence of a block the sums place: below a row read beside its label. */
const BLOCK_CONFIDENCE = 0.85;
/** At most this many gaps are weighed together, and this many ways to read them all. */
const MAX_GAPS = 6;
const MAX_CHOICES = 2000;

/** A run of rows the aligner left out, and the runs of counts that may be theirs. */
interface Gap {
  readonly rows: readonly TemplateRow[];
  /** Each way to read the block: cell values by ID, with the run each came from. */
  readonly hypotheses: readonly Hypothesis[];
}

export interface Hypothesis {
  readonly order: 'rows' | 'columns';
  readonly values: ReadonlyMap<string, number>;
  readonly runs: readonly Candidate[];
}

/** The counts of the runs in order, or undefined where a piece is no count. */
export function countsOf(runs: readonly Candidate[]): number[] | undefined {
  const out: number[] = [];
  for (const run of runs)
    for (const piece of run.run.pieces) {
      if (!COUNT.test(piece)) return undefined;
      out.push(Number(piece));
    }
  return out;
}

export function hypotheses(rows: readonly TemplateRow[], runs: readonly Candidate[], wide = false): Hypothesis[] {
  const counts = countsOf(runs);
  const k = rows.length;
  if (!counts || counts.length !== k * WIDTH) return [];
  const readings = blockReadings(counts, k, wide);
  if (!readings) return [];
  return readings.map(({ cells, order }) => {
    const values = new Map<string, number>();
    rows.forEach((row, r) => row.ids.forEach((id, c) => values.set(id, (cells[r] as number[])[c] as number)));
    return { order, values, runs };
  });
}

/** At most this many readings of a gap's figures; more, and the rows' own totals decide too little. */
const MAX_READINGS = 64;

interface BlockReading {
  readonly cells: number[][];
  readonly order: Hypothesis['order'];
}

/**
 * The readings of k rows' figures as a ruled table's text blocks give them (pdftotext's default
 * order): some first rows whole, a row a line; then, unless all were, the first column of the rest
 * (each figure beside its label), then the other six columns in blocks of consecutive rows, each
 * printed row by row or column by column (a page or a text block breaking the rows). Only readings
 * in which every row's own total holds; undefined when there are too many to weigh.
 */
function blockReadings(counts: readonly number[], k: number, wide: boolean): BlockReading[] | undefined {
  const seen = new Map<string, BlockReading>();
  const add = (found: readonly BlockReading[] | undefined, head: readonly number[][] = []): boolean => {
    if (!found) return false;
    for (const reading of found) {
      const cells = [...head, ...reading.cells];
      const key = cells.join(';');
      if (!seen.has(key)) seen.set(key, { cells, order: reading.order });
    }
    return seen.size <= MAX_READINGS;
  };
  // Every column in its blocks, the first too.
  if (!add(blocksFrom(counts, undefined, 0, k, wide))) return undefined;
  for (let whole = 0; whole < k; whole += 1) {
    const head: number[][] = [];
    for (let r = 0; r < whole; r += 1) head.push(counts.slice(r * WIDTH, (r + 1) * WIDTH));
    if (!head.every(s3RowAddsUp)) break;
    const first = counts.slice(whole * WIDTH, whole * WIDTH + (k - whole));
    const rest = counts.slice(whole * WIDTH + (k - whole));
    if (!add(blocksFrom(rest, first, 0, k - whole, wide), head)) return undefined;
  }
  return [...seen.values()];
}

/**
 * The readings of the rows from `r` on (of k) in blocks of consecutive rows, each row by row or
 * column by column: seven figures a row, or six when the first column is printed apart (`first`).
 */
function blocksFrom(
  rest: readonly number[],
  first: readonly number[] | undefined,
  r: number,
  k: number,
  wide: boolean,
  /** The readings from each row on, once worked out (zero rows let many blockings reach the same row). */
  known = new Map<number, BlockReading[] | undefined>(),
): BlockReading[] | undefined {
  if (r === k) return [{ cells: [], order: 'rows' }];
  if (known.has(r)) return known.get(r);
  const found = blocksAfter(rest, first, r, k, wide, known);
  known.set(r, found);
  return found;
}

const groupsOf = new Map<number, number[][]>();

/**
 * The ways a block's columns are printed: row by row (one group), column by column (groups of
 * one), or column by column with two neighbouring columns together, row by row: chromium prints a
 * block's last two columns so ("3 8 0 1 10 101": 其他 and 总计 of three rows), weighed with the
 * plain ones where `wide`. Freer groupings never: with rows of noughts they let too many readings
 * add up.
 */
function columnGroups(width: number, wide: boolean): number[][] {
  if (!wide) return [[width], Array.from({ length: width }, () => 1)];
  let found = groupsOf.get(width);
  if (!found) {
    found = [[width], Array.from({ length: width }, () => 1)];
    for (let pair = 0; pair + 1 < width; pair += 1)
      found.push(Array.from({ length: width - 1 }, (_, g) => (g === pair ? 2 : 1)));
    groupsOf.set(width, found);
  }
  return found;
}

function blocksAfter(
  rest: readonly number[],
  first: readonly number[] | undefined,
  r: number,
  k: number,
  wide: boolean,
  known: Map<number, BlockReading[] | undefined>,
): BlockReading[] | undefined {
  const width = first ? WIDTH - 1 : WIDTH;
  const out: BlockReading[] = [];
  const offset = r * width;
  for (let h = 1; h <= k - r; h += 1) {
    const seen = new Set<string>();
    // A row alone reads the same whatever its columns' groups.
    for (const groups of h === 1 ? [[width]] : columnGroups(width, wide)) {
      const rows: number[][] = [];
      for (let i = 0; i < h; i += 1) rows.push(first ? [first[r + i] as number] : []);
      let at = offset;
      for (const w of groups) {
        for (let i = 0; i < h; i += 1)
          for (let c = 0; c < w; c += 1) (rows[i] as number[]).push(rest[at + i * w + c] as number);
        at += w * h;
      }
      const key = rows.join(';');
      if (seen.has(key) || !rows.every(s3RowAddsUp)) continue;
      seen.add(key);
      const after = blocksFrom(rest, first, r + h, k, wide, known);
      if (!after) return undefined;
      const order = groups.length > 1 ? 'columns' : 'rows';
      for (const tail of after) {
        out.push({ cells: [...rows, ...tail.cells], order: order === 'columns' ? 'columns' : tail.order });
        if (out.length > MAX_READINGS * 4) return undefined;
      }
    }
  }
  return out;
}

/**
 * The runs between two readings that may hold the gap's rows: all of them for a gap inside the
 * table; for a gap at its end (or its start), the first runs (the last) whose counts make the rows
 * exactly, as the text after a table's last row (before its first) holds other figures.
 */
function gapHypotheses(
  rows: readonly TemplateRow[],
  between: readonly Candidate[],
  edge: 'inside' | 'end' | 'start',
  wide: boolean,
): Hypothesis[] {
  if (edge === 'inside') return hypotheses(rows, between, wide);
  const want = rows.length * WIDTH;
  let pieces = 0;
  const taken: Candidate[] = [];
  for (let i = 0; i < between.length && pieces < want; i += 1) {
    const run = between[edge === 'end' ? i : between.length - 1 - i] as Candidate;
    pieces += run.run.pieces.length;
    if (edge === 'end') taken.push(run);
    else taken.unshift(run);
  }
  return pieces === want ? hypotheses(rows, taken, wide) : [];
}

/** A page's number printed where a page breaks inside the table ("—2/4—", "- 3 -", "第 2 页"): no figure of it. */
function pageNumber(run: Candidate): boolean {
  return run.run.pieces.length === 1 && /(?:[—–\-－/第]|^)\s*$/.test(run.before) && run.before.trim() !== '';
}

/** The gaps of section 三 the alignment left, each with its hypotheses (none where no reading holds). */
function findGaps(
  best: TemplateAlignment,
  stream: readonly Candidate[],
  at: ReadonlyMap<unknown, number>,
  wide: boolean,
  values: BlockTarget['values'],
): Gap[] {
  const s3 = best.template.rows.filter((row) => row.table === 's3');
  // A row the aligner matched but placed no figure of (its run was a column's piece, cursor.detached)
  // bounds nothing: its run belongs to the block around it.
  const placed = (reading: RowReading) =>
    reading.row.table !== 's3' || reading.row.ids.some((id) => values.get(id)?.value != null);
  const readOf = new Map<TemplateRow, RowReading>(best.rows.filter(placed).map((reading) => [reading.row, reading]));
  const place = (row: TemplateRow | undefined): number | undefined => {
    const reading = row ? readOf.get(row) : undefined;
    return reading ? at.get(reading.candidate.run) : undefined;
  };
  const after = best.rows.find((reading) => reading.row.table === 's4');
  const tableEnd = after ? (at.get(after.candidate.run) ?? stream.length) : stream.length;
  const gaps: Gap[] = [];
  for (let i = 0; i < s3.length;) {
    if (readOf.has(s3[i] as TemplateRow)) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < s3.length && !readOf.has(s3[j] as TemplateRow)) j += 1;
    // A gap at the table's start is bounded by the row after it only: its runs are taken from there back.
    const lo = i > 0 ? place(s3[i - 1]) : -1;
    const hi = j < s3.length ? place(s3[j]) : tableEnd;
    if (lo !== undefined && hi !== undefined && hi > lo) {
      const rows = s3.slice(i, j);
      const between = stream.slice(lo + 1, hi).filter((run) => !pageNumber(run));
      const found = gapHypotheses(rows, between, i === 0 ? 'start' : j < s3.length ? 'inside' : 'end', wide);
      gaps.push({ rows, hypotheses: found });
    }
    i = j;
  }
  return gaps;
}

/** Whether the values hold every sum on the gaps' cells that they can check, and one across rows at least. */
function holdsAll(values: ReadonlyMap<string, number>, gapCells: ReadonlySet<string>, checks: readonly SumCheck[]) {
  let across = 0;
  for (const check of checks) {
    const cells = [...check.left, ...check.right];
    if (!cells.some((id) => gapCells.has(id))) continue;
    if (!cells.every((id) => values.has(id))) continue;
    if (!holds(check, (id) => values.get(id))) return false;
    // A row's own total checks only its order within the row, not which row it is.
    const row = (id: string) => id.slice(0, id.lastIndexOf('.'));
    if (cells.some((id) => row(id) !== row(cells[0] as string))) across += 1;
  }
  return across > 0;
}

/** Every way to choose one hypothesis per gap. */
function choices(gaps: readonly Gap[]): Hypothesis[][] {
  return gaps.reduce<Hypothesis[][]>(
    (all, gap) => all.flatMap((chosen) => gap.hypotheses.map((h) => [...chosen, h])),
    [[]],
  );
}

/**
 * The rows of section 三 printed as blocks apart from their labels, read where the sums decide
 * them (see above), added to the alignment with a finding saying how they were placed.
 */
export function readBlocks(best: TemplateAlignment, stream: readonly Candidate[], out: BlockTarget): void {
  const at = new Map<unknown, number>(stream.map((candidate, i) => [candidate.run, i]));
  // Two columns printed together too, where every reading of those shapes agrees; else the plain
  // shapes alone (a subset of those readings), as read before the pairs were weighed.
  // Where the plain shapes read every gap, the pairs add no reading that could agree otherwise.
  const plain = decide(best, stream, out, at, false);
  const read = plain?.whole ? plain : (decide(best, stream, out, at, true) ?? plain);
  if (!read) return;
  for (const hypothesis of read.chosen) place(hypothesis, out);
  out.rowsFound.s3 += read.rows;
}

/** The one reading of the gaps in the shapes `wide` allows that holds the sums, or undefined (none, or several). */
function decide(
  best: TemplateAlignment,
  stream: readonly Candidate[],
  out: BlockTarget,
  at: ReadonlyMap<unknown, number>,
  wide: boolean,
): { chosen: Hypothesis[]; rows: number; whole: boolean } | undefined {
  const all = findGaps(best, stream, at, wide, out.values);
  const gaps = all.filter((gap) => gap.hypotheses.length > 0).slice(0, MAX_GAPS);
  if (gaps.length === 0 || gaps.reduce((product, gap) => product * gap.hypotheses.length, 1) > MAX_CHOICES)
    return undefined;
  const known = new Map<string, number>();
  for (const [id, value] of out.values) if (id.startsWith('s3.') && value.value !== null) known.set(id, value.value);
  const gapCells = new Set(gaps.flatMap((gap) => gap.rows.flatMap((row) => row.ids)));
  const checks = sumChecks(out.format, out.other);
  const fitting = choices(gaps).filter((chosen) => {
    const values = new Map(known);
    for (const hypothesis of chosen) for (const [id, value] of hypothesis.values) values.set(id, value);
    return holdsAll(values, gapCells, checks);
  });
  // One reading of the blocks, or none: two that hold every sum with other values leave them open.
  const first = fitting[0];
  if (!first) return undefined;
  const same = fitting.every((chosen) => chosen.every((h, g) => sameValues(h.values, (first[g] as Hypothesis).values)));
  const rows = gaps.reduce((sum, gap) => sum + gap.rows.length, 0);
  return same ? { chosen: first, rows, whole: gaps.length === all.length } : undefined;
}

export function sameValues(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  for (const [id, value] of a) if (b.get(id) !== value) return false;
  return true;
}

export function place(
  hypothesis: Hypothesis,
  out: BlockTarget,
  confidence = BLOCK_CONFIDENCE,
  note = '各行合计与各列合计均相符',
): void {
  const raw = hypothesis.runs.map((run) => run.raw.trim().replace(/\s+/g, ' ')).join(' ');
  const source = { ...(hypothesis.runs[0] as Candidate).source, text: raw };
  for (const [id, value] of hypothesis.values) {
    out.values.set(id, { value, source, confidence, placedBy: 'sum' });
  }
  const cells = [...hypothesis.values.keys()];
  dropUndecided(out.findings, hypothesis.values);
  const finding: ParserFinding = {
    rule: 'read-as-block',
    severity: 'info',
    message: `第三部分有 ${new Set(cells.map((id) => id.slice(0, id.lastIndexOf('.')))).size} 行的数值与行标签分开印出（“${raw.slice(0, 40)}${raw.length > 40 ? '…' : ''}”），${hypothesis.order === 'rows' ? '逐行' : '逐列'}读出后${note}，据此填入，请与原文核对`,
    cells,
  };
  out.findings.push(finding);
}

/**
 * A row the aligner matched to a column's piece of the block ("四、结转下年度继续办理 7 94 2") said its
 * cells were undecided; the block now reads them, and that word no longer holds (correct.ts would
 * open them again for it).
 */
function dropUndecided(findings: ParserFinding[], values: ReadonlyMap<string, number>): void {
  for (let i = findings.length - 1; i >= 0; i -= 1) {
    const finding = findings[i] as ParserFinding;
    if (finding.rule !== 'split-ambiguous' || !finding.cells.some((id) => values.has(id))) continue;
    const cells = finding.cells.filter((id) => !values.has(id));
    if (cells.length === 0) findings.splice(i, 1);
    else findings[i] = { ...finding, cells };
  }
}
