import { cellName, type OtherRowLayout, type ReportFormat } from '../../model/cells.js';
import type { ParserFinding, ReadValue } from '../readings.js';
import type { Alignment } from './index.js';
import type { Placement } from './index.js';
import { checksOn, holds, sumChecks, sumHolds, type SumCheck } from './sums.js';

/*
 * A label reading that breaks the tables' sums, weighed against the aligner's reading of the same
 * numbers. A cell shifted by a damaged or wrapped label, two cells run together ("71 3" printed
 * "713"), a cell left out: the labels read every cell, but a row total or a column total fails.
 * Where the aligner reads the same runs of numbers differently and its reading satisfies every sum
 * the label reading breaks, its values replace the label's (placed by `sum`, with a finding).
 * Where no reading satisfies them — the organ's own figures do not add up — the printed numbers
 * stay, less sure, and the rules report the sum. The aligner never adds a number: it only reads
 * the printed ones another way.
 */

/** The confidence of a value corrected by the sums: below "sure" — the labels said otherwise. */
const CORRECTED = 0.85;
/** The confidence of a label's value in a sum that fails and that no other reading repairs. */
const UNDECIDED = 0.6;
/** The confidence of a value in a row the labels read short or collapsed: its column is uncertain. */
const SHORT_ROW = 0.5;

/** Label-reader findings that say a row's values may stand in the wrong columns. */
const UNPLACED_RULES = new Set(['row-incomplete', 'collapsed-row']);

export interface SumsOutcome {
  readonly values: Map<string, ReadValue>;
  readonly placements: Record<string, Placement>;
  readonly findings: ParserFinding[];
}

/** The checks the reading breaks: every cell of them read (a blank counts) and the sides unequal. */
export function brokenChecks(
  values: ReadonlyMap<string, ReadValue>,
  format: ReportFormat,
  other: OtherRowLayout,
): SumCheck[] {
  // Every report is checked several times: one pass over each check's cells, no arrays made.
  return sumChecks(format, other).filter((check) => {
    let sum = 0;
    let blanks = 0;
    for (const id of check.left) {
      const read = values.get(id);
      if (read === undefined) return false;
      if (typeof read.value === 'number') sum += read.value;
      else blanks += 1;
    }
    for (const id of check.right) {
      const read = values.get(id);
      if (read === undefined) return false;
      if (typeof read.value === 'number') sum -= read.value;
      else blanks += 1;
    }
    const cells = check.left.length + check.right.length;
    // All blank proves nothing; a blank among numbers, or unequal sides, breaks the check (holds).
    return blanks < cells && (blanks > 0 || !sumHolds(sum));
  });
}

/** The row a cell belongs to: section 四's fifteen cells are one run, one row. */
function rowOf(id: string): string {
  return id.startsWith('s4.') ? 's4' : id.slice(0, id.lastIndexOf('.'));
}

/**
 * The aligner's values that differ from the label reading, by row. A row differs where a number
 * is read otherwise or a cell the labels could not place (named by their finding) is read; the
 * row is then taken whole, its blanks included (a blank the labels took for a cell of a row read
 * one column off). In a row read alike, a cell the table prints blank stays blank.
 */
function differences(
  values: ReadonlyMap<string, ReadValue>,
  aligned: Alignment,
  unplaced: ReadonlySet<string>,
): Map<string, string[]> {
  const rows = new Map<string, { cells: string[]; differs: boolean }>();
  for (const [id, value] of aligned.values) {
    if (!id.startsWith('s3.') && !id.startsWith('s4.')) continue;
    const read = values.get(id)?.value;
    if (read === value.value) continue;
    const row = rows.get(rowOf(id)) ?? { cells: [], differs: false };
    row.cells.push(id);
    row.differs ||= typeof read === 'number' || unplaced.has(id);
    rows.set(rowOf(id), row);
  }
  return new Map([...rows].filter(([, row]) => row.differs).map(([key, row]) => [key, row.cells]));
}

/** Whether taking the aligner's values for the cells repairs every sum they touch, one of them broken now. */
function repairs(
  cells: readonly string[],
  values: ReadonlyMap<string, ReadValue>,
  aligned: Alignment,
  checks: readonly SumCheck[],
  broken: ReadonlySet<SumCheck>,
): boolean {
  const changed = new Set(cells);
  const touched = checksOn(checks, changed);
  if (!touched.some((check) => broken.has(check))) return false;
  const value = (id: string) => (changed.has(id) ? aligned.values.get(id)?.value : values.get(id)?.value);
  return touched.every((check) => holds(check, value));
}

/** The rows whose aligned reading repairs the sums: all together if they do, else each that does alone. */
function repairingRows(
  rows: Map<string, string[]>,
  values: ReadonlyMap<string, ReadValue>,
  aligned: Alignment,
  checks: readonly SumCheck[],
  broken: ReadonlySet<SumCheck>,
): string[][] {
  const all = [...rows.values()];
  if (all.length === 0) return [];
  if (repairs(all.flat(), values, aligned, checks, broken)) return all;
  return all.filter((cells) => repairs(cells, values, aligned, checks, broken));
}

function correctionFinding(cells: readonly string[], before: ReadonlyMap<string, ReadValue>, aligned: Alignment) {
  const shown = (value: number | null | undefined) => (typeof value === 'number' ? String(value) : '空');
  const changes = cells.map(
    (id) => `“${cellName(id)}”${shown(before.get(id)?.value)}→${shown(aligned.values.get(id)?.value)}`,
  );
  return {
    rule: 'corrected-by-sums',
    severity: 'warning' as const,
    message: `按行标签读出的数值与表中合计不符，同一串数字的另一种读法与各项合计相符，已按合计更正：${changes.join('，')}；请与原文核对`,
    cells: [...cells],
  };
}

/**
 * In a row the labels read short, their values stand leftmost by default, not by evidence: where
 * the aligner reads the same row and finds its cells undecided, they are left open (null) with
 * the aligner's finding instead.
 */
function openWhereUndecided(
  out: Map<string, ReadValue>,
  shortRows: ReadonlySet<string>,
  aligned: Alignment,
): ParserFinding[] {
  const findings: ParserFinding[] = [];
  for (const finding of aligned.findings) {
    if (finding.rule !== 'split-ambiguous') continue;
    const cells = finding.cells.filter((id) => shortRows.has(rowOf(id)) && out.get(id)?.value !== null);
    if (cells.length === 0) continue;
    for (const id of cells) {
      const read = out.get(id);
      out.set(id, { value: null, source: read?.source ?? {} });
    }
    findings.push({ ...finding, cells });
  }
  return findings;
}

/**
 * The label reading checked against the sums: rows the aligner reads so that the broken sums
 * hold are taken from it; the cells of sums still broken, and of rows the labels read short,
 * are marked less sure.
 */
export function correctBySums(
  /** The label reading; given back as it is (not copied) when there is no aligner's reading to weigh. */
  values: Map<string, ReadValue>,
  /** The label reader's own findings, before the aligner filled any cell. */
  findings: readonly ParserFinding[],
  aligned: Alignment | undefined,
  format: ReportFormat,
  other: OtherRowLayout,
  /** brokenChecks(values, format, other), when the caller has it already. */
  brokenNow: readonly SumCheck[] = brokenChecks(values, format, other),
): SumsOutcome {
  const placements: Record<string, Placement> = {};
  const added: ParserFinding[] = [];
  const unplaced = new Set(
    findings.filter((finding) => UNPLACED_RULES.has(finding.rule)).flatMap((finding) => finding.cells),
  );
  const checks = sumChecks(format, other);
  const broken = new Set(brokenNow);
  // Only the aligner's reading changes a value, and only in a broken sum or a row the labels read
  // short: otherwise the reading is given back as it is (a copy of some two hundred values spared).
  const out = aligned && (broken.size > 0 || unplaced.size > 0) ? new Map(values) : values;
  if (aligned && broken.size > 0) {
    for (const cells of repairingRows(differences(values, aligned, unplaced), values, aligned, checks, broken)) {
      added.push(correctionFinding(cells, values, aligned));
      for (const id of cells) {
        const value = aligned.values.get(id);
        if (!value) continue;
        out.set(id, { value: value.value, source: value.source });
        placements[id] = { confidence: Math.min(CORRECTED, value.confidence), placedBy: 'sum' };
      }
      // The row is placed once the aligner reads every cell of it; cells it leaves open stay in doubt.
      const row = rowOf(cells[0] as string);
      const whole = [...out.keys()].every(
        (id) => rowOf(id) !== row || aligned.values.get(id)?.value === out.get(id)?.value,
      );
      if (whole) for (const id of [...unplaced]) if (rowOf(id) === row) unplaced.delete(id);
    }
  }
  const lower = (id: string, confidence: number) => {
    if (!out.has(id) || placements[id]?.placedBy === 'sum') return;
    placements[id] = { confidence: Math.min(confidence, placements[id]?.confidence ?? 1), placedBy: 'label' };
  };
  // Nothing taken from the aligner: the checks broken now are those broken before.
  for (const check of added.length > 0 ? brokenChecks(out, format, other) : broken)
    for (const id of [...check.left, ...check.right]) lower(id, UNDECIDED);
  const shortRows = new Set([...unplaced].map(rowOf));
  if (aligned) added.push(...openWhereUndecided(out, shortRows, aligned));
  if (shortRows.size > 0) for (const id of out.keys()) if (shortRows.has(rowOf(id))) lower(id, SHORT_ROW);
  return { values: out, placements, findings: added };
}
