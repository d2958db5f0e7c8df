import type { OtherRowLayout, ReportFormat } from '../../model/cells.js';
import type { ParserFinding, ReadValue } from '../readings.js';
import type { SourceRow } from '../rows.js';
import {
  alignTemplate,
  MIN_SCORE,
  PairTable,
  type RowReading,
  type ScoredCandidate,
  type TemplateAlignment,
} from './dp.js';
import { keepingFacts } from './plausible.js';
import { PROSE_CELLS, proseValues } from './prose.js';
import { agreed, derivedConfirmed, resolveS3 } from './resolve.js';
import { readS2Grids } from './s2-grid.js';
import { readBlocks } from './blocks.js';
import { readTableTail } from './tail.js';
import { readTableHead } from './head.js';
import { streamCandidates, type Candidate } from './stream.js';
import { scoreAll, TEMPLATES, type Template } from './template.js';

/*
 * The aligner: reads the statutory tables from the runs of numbers of a document in print order,
 * whatever became of the table's layout (a crawler's text with the cells run together, one cell
 * per line, damaged labels). Labels are soft evidence (dp.ts), the table's sums the checks that
 * split digit runs and choose between readings (split.ts, resolve.ts), the prose a last witness
 * (prose.ts). Each value says how it was placed and how sure the reader is.
 */

/**
 * How a value was placed: by its row label alone, by the table's sums, by the report's prose, or
 * (section 二 only) by a fact every honest report keeps (`rule`, plausible.ts) or by what a
 * register row almost always is (`plausible`), never for sure.
 */
export type PlacedBy = 'label' | 'sum' | 'prose' | 'rule' | 'plausible';

/** How sure the reader is of a value the aligner placed, and how it placed it. */
export interface Placement {
  readonly confidence: number;
  readonly placedBy: PlacedBy;
}

export interface AlignedValue extends ReadValue {
  /** From 0 to 1: how sure the reader is of the value. */
  readonly confidence: number;
  readonly placedBy: PlacedBy;
}

export interface Alignment {
  readonly format: ReportFormat;
  readonly other: OtherRowLayout;
  readonly values: Map<string, AlignedValue>;
  readonly findings: ParserFinding[];
  /** How many rows of each table the alignment found: a table is only taken when it stands as one. */
  readonly rowsFound: Record<'s2' | 's3' | 's4', number>;
  /**
   * Section 二's cells read under their own column headers (s2-grid.ts): taken where the labels
   * left them unread even when the aligner's reading of the table's other rows is not.
   */
  readonly headed?: ReadonlySet<string>;
}

/** At most this many runs are aligned: a table stands within the first few thousand numbers of any report. */
const MAX_CANDIDATES = 2500;

/** What the labels already told of the table: the format its section 二 headers show, whether (六) has sub-rows. */
export interface KnownLayout {
  readonly format?: ReportFormat;
  readonly subRows?: boolean;
  /** The year the report is on, when known: the prose's sentences on another year are no witness. */
  readonly year?: number;
}

/** Whether a run's label scores name some row (a loop: a typed array's `some` calls back for each row). */
function namesARow(scores: Float64Array): boolean {
  for (let i = 0; i < scores.length; i += 1) if ((scores[i] as number) >= MIN_SCORE) return true;
  return false;
}

function chooseTemplate(
  stream: readonly Candidate[],
  hint: ReportFormat | undefined,
  known: KnownLayout,
): TemplateAlignment | undefined {
  // Only runs some row label could name take part: the prose's years, counts and phone numbers drop out here.
  const candidates: ScoredCandidate[] = [];
  for (const candidate of stream) {
    const scores = scoreAll(candidate.before);
    if (namesARow(scores))
      candidates.push({
        before: candidate.before,
        run: candidate.run,
        raw: candidate.raw,
        source: candidate.source,
        scores,
      });
  }
  if (candidates.length === 0) return undefined;
  let best: TemplateAlignment | undefined;
  const fitting = TEMPLATES.filter(
    (template) =>
      (known.format === undefined || template.format === known.format) &&
      (!known.subRows || template.other === 'subRows'),
  );
  const pairs = new PairTable(candidates);
  for (const template of fitting.length > 0 ? fitting : TEMPLATES) {
    const alignment = alignTemplate(template, candidates, pairs);
    const better =
      !best ||
      alignment.total > best.total + 1e-9 ||
      (Math.abs(alignment.total - best.total) <= 1e-9 && hint === template.format && best.template.format !== hint);
    if (better) best = alignment;
  }
  return best && best.rows.length > 0 ? best : undefined;
}

function put(
  values: Map<string, AlignedValue>,
  reading: RowReading,
  cells: readonly (number | null)[],
  by: PlacedBy,
  confidence: number,
): void {
  reading.row.ids.forEach((id, c) => {
    const value = cells[c];
    if (value === null || value === undefined) return;
    values.set(id, { value, source: reading.candidate.source, confidence, placedBy: by });
  });
}

function openCells(reading: RowReading, cells: readonly (number | null)[]): string[] {
  return reading.row.ids.filter((_, c) => cells[c] === null || cells[c] === undefined);
}

function ambiguityFinding(reading: RowReading, open: readonly string[], why: string): ParserFinding {
  return {
    rule: 'split-ambiguous',
    severity: 'warning',
    message: `“${reading.row.name}”一行的数字“${reading.candidate.raw.trim()}”${why}，有 ${open.length} 格无法确定，留空待核`,
    cells: open,
  };
}

/** Confidence of a section 二 cell the certain facts decide: as sure as a section 三 split the sums choose. */
const RULE_CONFIDENCE = 0.9;

/** Confidence of a section 二 cell that only the usual facts decide: below sure, a person checks it. */
const PLAUSIBLE_CONFIDENCE = 0.6;

/** The cells the readings agree on that `known` still leaves open; null elsewhere. */
function newlyAgreed(known: readonly (number | null)[], splits: readonly (readonly number[])[]): (number | null)[] {
  return agreed(splits).map((value, c) => (known[c] === null || known[c] === undefined ? value : null));
}

const given = (cells: readonly (number | null)[], ids: readonly string[]): string[] =>
  ids.filter((_, c) => cells[c] !== null && cells[c] !== undefined);

/**
 * Section 二: a run with one reading is read; several are narrowed by the prose, then by the
 * facts every honest report keeps (plausible.ts, decided), then by what a register row almost
 * always is (a medium-confidence choice with its own finding); the rest is left open.
 */
function placeS2(reading: RowReading, prose: () => Map<string, number>, out: Alignment): void {
  const confidence = 0.95 * reading.score;
  if (reading.splits.length === 1) {
    put(out.values, reading, reading.splits[0] as number[], 'label', confidence);
    return;
  }
  const { ids } = reading.row;
  const columns = ids.map((id) => id.slice(id.lastIndexOf('.') + 1));
  const stated = ids.map((id) => (PROSE_CELLS.has(id) ? prose().get(id) : undefined));
  const fitting = reading.splits.filter((split) => split.every((v, c) => stated[c] === undefined || stated[c] === v));
  const cells = fitting.length > 0 ? agreed(fitting) : ids.map(() => null);
  const byProse = stated.some((value) => value !== undefined) && fitting.length > 0;
  put(out.values, reading, cells, byProse ? 'prose' : 'label', byProse ? 0.85 * reading.score : confidence);
  const certain = keepingFacts(columns, fitting, true);
  const possible = certain?.splits ?? fitting;
  const ruled = certain ? newlyAgreed(cells, possible) : [];
  put(out.values, reading, ruled, 'rule', (byProse ? 0.85 : RULE_CONFIDENCE) * reading.score);
  const known = cells.map((value, c) => value ?? ruled[c] ?? null);
  const usual = keepingFacts(columns, possible, false);
  const guessed = usual ? newlyAgreed(known, usual.splits) : [];
  put(out.values, reading, guessed, 'plausible', PLAUSIBLE_CONFIDENCE * reading.score);
  const decided = given(guessed, ids);
  if (usual && decided.length > 0) {
    out.findings.push({
      rule: 'split-plausible',
      severity: 'warning',
      message: `“${reading.row.name}”一行的数字“${reading.candidate.raw.trim()}”可有多种拆分，按常理（${usual.words}）定下 ${decided.length} 格，待核`,
      cells: decided,
    });
  }
  const open = openCells(reading, known).filter((id) => !decided.includes(id));
  if (open.length > 0) out.findings.push(ambiguityFinding(reading, open, '可有多种拆分，表中没有可据以核对的合计'));
}

function placeS3(readings: readonly RowReading[], out: Alignment): void {
  const resolved = resolveS3(readings);
  const confirmed = derivedConfirmed(resolved, out.format, out.other);
  for (const { reading, values, by } of resolved) {
    if (reading.derived && !confirmed.has(reading)) {
      out.findings.push(ambiguityFinding(reading, reading.row.ids, '少一个数，表中各列合计不能证实缺的是哪一格'));
      continue;
    }
    const confidence = (by === 'sum' || reading.derived ? 0.9 : 0.98) * reading.score * (reading.sumsHold ? 1 : 0.7);
    put(
      out.values,
      reading,
      values,
      reading.derived ? 'sum' : by,
      reading.derived ? Math.min(confidence, 0.8) : confidence,
    );
    const open = openCells(reading, values);
    if (open.length > 0) out.findings.push(ambiguityFinding(reading, open, '按行合计与各列合计仍有多种拆分'));
  }
}

function placeS4(reading: RowReading, out: Alignment): void {
  const cells = agreed(reading.splits);
  const confidence = 0.95 * reading.score * (reading.sumsHold ? 1 : 0.7);
  put(
    out.values,
    reading,
    cells,
    reading.derived ? 'sum' : 'label',
    reading.derived ? Math.min(confidence, 0.8) : confidence,
  );
  const open = openCells(reading, cells);
  if (open.length > 0) out.findings.push(ambiguityFinding(reading, open, '按各项总计仍有多种拆分'));
}

/** Each template's section 二 cells, gathered once, not for every text. */
const s2Ids = new WeakMap<Template, ReadonlySet<string>>();

function s2IdsOf(template: Template): ReadonlySet<string> {
  let ids = s2Ids.get(template);
  if (!ids) {
    ids = new Set(template.rows.flatMap((row) => (row.table === 's2' ? row.ids : [])));
    s2Ids.set(template, ids);
  }
  return ids;
}

/** Cells of section 二 the table does not print but the prose states (“制发行政规范性文件62件”): taken from the prose. */
function fillFromProse(best: TemplateAlignment, prose: () => Map<string, number>, out: Alignment): void {
  const ids = s2IdsOf(best.template);
  // The prose is only read when the table leaves open a cell it can state.
  let open = false;
  for (const id of PROSE_CELLS) if (ids.has(id) && !out.values.has(id)) open = true;
  if (!open) return;
  for (const [id, value] of prose()) {
    if (!ids.has(id) || out.values.has(id)) continue;
    // A cell the table printed with no reading that fits the prose stays open: the two disagree.
    if (out.findings.some((finding) => finding.cells.includes(id))) continue;
    out.values.set(id, { value, source: { text: `${value}` }, confidence: 0.7, placedBy: 'prose' });
  }
}

/**
 * No run named a row (section 三's headers turned, its figures apart from every label): section
 * 二's tables printed as grids under their headers are still read, in the format the labels or the
 * year give (the headers of the two formats differ, but 处理决定数量 ends 本年处理决定数量).
 */
function gridsAlone(
  stream: readonly Candidate[],
  format: ReportFormat | undefined,
  subRows: boolean | undefined,
): Alignment | undefined {
  if (!format) return undefined;
  const headed = new Set<string>();
  const out: Alignment = {
    format,
    other: subRows ? 'subRows' : 'single',
    values: new Map(),
    findings: [],
    rowsFound: { s2: 0, s3: 0, s4: 0 },
    headed,
  };
  readS2Grids(stream, out, headed);
  return headed.size > 0 ? out : undefined;
}

/**
 * The statutory tables read by aligning the document's runs of numbers to the national
 * template; undefined when no run names a row. `hint` is the format the year implies, for a
 * document whose runs fit both formats equally.
 */
export function alignDocument(
  rows: readonly SourceRow[],
  hint: ReportFormat | undefined,
  fullText: string,
  known: KnownLayout = {},
): Alignment | undefined {
  const stream = streamCandidates(rows).slice(0, MAX_CANDIDATES);
  const best = chooseTemplate(stream, hint, known);
  if (!best) return gridsAlone(stream, known.format ?? hint, known.subRows);
  const rowsFound = { s2: 0, s3: 0, s4: 0 };
  for (const reading of best.rows) rowsFound[reading.row.table] += 1;
  const headed = new Set<string>();
  const out: Alignment = {
    format: best.template.format,
    other: best.template.other,
    values: new Map(),
    findings: [],
    rowsFound,
    headed,
  };
  // The prose is read when a reading needs it (its cells of 规范性文件 open): most texts print them.
  let stated: Map<string, number> | undefined;
  const prose = (): Map<string, number> => (stated ??= proseValues(fullText, known.year));
  for (const reading of best.rows) {
    if (reading.row.table === 's2') placeS2(reading, prose, out);
    if (reading.row.table === 's4') placeS4(reading, out);
  }
  placeS3(
    best.rows.filter((reading) => reading.row.table === 's3'),
    out,
  );
  readS2Grids(stream, out, headed);
  readBlocks(best, stream, out);
  const head = readTableTail(best, stream, out);
  if (head) readTableHead(best, head, out);
  fillFromProse(best, prose, out);
  return out;
}
