import { CELLS, cellName, S4_GROUPS, S4_PARTS, type CellKind } from '../model/cells.js';
import type { Source } from '../model/schema.js';
import type { Placement } from './align/merge.js';
import { sumChecks } from './align/sums.js';
import { otherLayout } from '../rules/helpers.js';
import type { ExtractedDocument } from './document.js';
import { s4ByColumn } from './ocr-s4.js';
import { withOcrConfidence } from './ocr.js';
import {
  fillBySums,
  openContradicted,
  oneCharacterLostOrAdded,
  openForbidden,
  openUnsure,
  sumInWords,
  type Cells,
  type SumChange,
} from './ocr-sums.js';
import type { ReadResult } from './read.js';
import type { ParserFinding } from './readings.js';

/*
 * A scan's cells as read, checked where OCR is the likely cause of a fault (see ocr-s4.ts and
 * ocr-sums.ts): section 四 placed by its grid's columns; figures no cell may hold, that every sum
 * contradicts, or read too unsurely for any sum to confirm, left open; and an open cell filled where
 * its sum alone decides it. Each change is said in a finding; a value a sum gave is placed `sum` (less sure than one read), and a section 四
 * group whose total its read parts break is given as unsure.
 */

/** How sure a value the sums gave is: every other cell of its sum was read, no other sum disagrees. */
const BY_SUM = 0.8;
/** How sure a section 四 figure is when its group's total and parts, all read, disagree. */
const TOTAL_BROKEN = 0.5;

const S4_IDS = new Set(
  S4_GROUPS.flatMap((group) => [...S4_PARTS, { key: 'total' }].map((p) => `s4.${group.key}.${p.key}`)),
);

interface Work {
  readonly cells: Cells;
  readonly sources: Record<string, Source>;
  findings: ParserFinding[];
  readonly placements: Record<string, Placement>;
}

/** Section 四 as its grid's columns hold it, where that differs from the values read in order. */
function placeS4(work: Work, document: ExtractedDocument): void {
  const placed = s4ByColumn(document);
  if (!placed || placed.every((cell) => work.cells[cell.id] === cell.value)) return;
  // The reader's findings on these cells were about the order it read them in.
  work.findings = work.findings.filter(
    (finding) =>
      !(['row-incomplete', 'cell-unreadable'].includes(finding.rule) && finding.cells.every((id) => S4_IDS.has(id))),
  );
  for (const cell of placed) {
    work.cells[cell.id] = cell.value;
    work.sources[cell.id] = cell.source;
    if (cell.unread === '') continue;
    work.findings.push({
      rule: 'cell-unreadable',
      severity: 'error',
      message: `第四部分“${cellName(cell.id)}”一格读出“${cell.unread}”，无法识别为数值，该单元格留空，请对照原文`,
      cells: [cell.id],
    });
  }
}

/** The findings on cells opened and filled: a cell opened and filled again is one correction. */
function said(opened: readonly SumChange[], filled: readonly SumChange[]): ParserFinding[] {
  const findings: ParserFinding[] = [];
  const refilled = new Map(filled.map((change) => [change.id, change]));
  for (const change of opened) {
    const fill = refilled.get(change.id);
    const name = cellName(change.id);
    if (fill) {
      refilled.delete(change.id);
      findings.push({
        rule: 'corrected-by-sums',
        severity: 'warning',
        message: `扫描件中“${name}”识别为 ${change.read}（${change.why ?? '与所在各行列合计都不符'}），已按合计更正：${change.read}→${fill.value}（${fill.by}）；请对照原件`,
        cells: [change.id],
      });
    } else
      findings.push({
        rule: 'cell-unreadable',
        severity: 'error',
        message:
          change.why === undefined
            ? `扫描件中“${name}”识别为 ${change.read}，与所在各行列合计都不符（合计要求 ${change.value}），不能确定是识别有误还是原件有误，该单元格留空，请对照原件`
            : `扫描件中“${name}”识别为 ${change.read}，${change.why}，${change.unsure ? '不能作为读数' : '应是识别有误'}；合计不能确定其值，该单元格留空，请对照原件`,
        cells: [change.id],
      });
  }
  for (const fill of refilled.values())
    findings.push({
      rule: 'value-from-sums',
      severity: 'warning',
      message: `扫描件中“${cellName(fill.id)}”没有识别出数值，依据合计定为 ${fill.value}（${fill.by}）；请对照原件`,
      cells: [fill.id],
    });
  return findings;
}

/**
 * Section 四 groups whose read total and parts disagree: their figures are given as unsure. A group
 * with parts open disagrees when the parts read already exceed its total (no count is negative):
 * one of them is misread, which one is not known, and no rule of the report's says so (it checks
 * whole groups), so a finding does. Returns how many figures were made unsure.
 */
function unsureGroups(work: Work): number {
  let unsure = 0;
  for (const group of S4_GROUPS) {
    const ids = [...S4_PARTS.map((part) => `s4.${group.key}.${part.key}`), `s4.${group.key}.total`];
    const total = work.cells[ids.at(-1) as string];
    const parts = ids.slice(0, -1).map((id) => work.cells[id]);
    const read = parts.filter((value): value is number => typeof value === 'number');
    if (typeof total !== 'number' || read.length === 0) continue;
    const sum = read.reduce((a, b) => a + b, 0);
    if (read.length === parts.length ? sum === total : sum <= total) continue;
    if (read.length < parts.length)
      work.findings.push({
        rule: 's4-group-total',
        severity: 'error',
        message: `扫描件第四部分“${group.label}”：已识别的各项之和为 ${sum}，已超过总计 ${total}（另有 ${parts.length - read.length} 项未识别），其中有识别有误的数，该组各数把握不足，请对照原件`,
        cells: ids.filter((id) => typeof work.cells[id] === 'number'),
      });
    for (const id of ids) {
      if (typeof work.cells[id] !== 'number') continue;
      const had = work.placements[id];
      if (had && had.confidence <= TOTAL_BROKEN) continue;
      work.placements[id] = { confidence: TOTAL_BROKEN, placedBy: had?.placedBy ?? 'label' };
      unsure += 1;
    }
  }
  return unsure;
}

/** An amount read as a whole number of at least this many digits may have lost its decimal point. */
const POINT_LOST_DIGITS = 3;

/**
 * Figures no sum checks, whose one small mark OCR loses where it prints faintly (a photocopy): the
 * reading is kept, given as unsure with a finding, by the cell's kind.
 * - An amount (万元) read as a whole number of three digits or more: a decimal point lost
 *   ("198.01" read 19801, surely), where amounts print with two decimals; a whole amount is also
 *   printed so.
 * - 本年增/减 read as a positive figure: a minus lost ("-3" read 3, surely); nothing in the 2019
 *   table says which way a register changed (a "+" read is not kept apart from the figure).
 */
const MARK_LOST: Partial<Record<CellKind, (value: number) => string | undefined>> = {
  money: (value) =>
    Number.isInteger(value) && String(Math.abs(value)).length >= POINT_LOST_DIGITS
      ? `识别为整数 ${value}，小数点可能未被识别（如 198.01 读成 19801）`
      : undefined,
  signedCount: (value) => (value > 0 ? `识别为 ${value}，若原件是减少，负号可能未被识别（如 -3 读成 3）` : undefined),
};

/** The figures of MARK_LOST's kinds that may have lost their mark, given as unsure. Returns how many. */
function unsureMarks(work: Work): number {
  let unsure = 0;
  for (const [id, value] of Object.entries(work.cells)) {
    const lost = typeof value === 'number' ? MARK_LOST[CELLS.get(id)?.kind ?? 'count'] : undefined;
    const why = lost?.(value as number);
    if (!why) continue;
    const had = work.placements[id];
    if (had && had.confidence <= TOTAL_BROKEN) continue;
    work.placements[id] = { confidence: TOTAL_BROKEN, placedBy: had?.placedBy ?? 'label' };
    work.findings.push({
      rule: 'cell-unsure',
      severity: 'warning',
      message: `扫描件中“${cellName(id)}”${why}，请对照原件`,
      cells: [id],
    });
    unsure += 1;
  }
  return unsure;
}

/** A scan's read report, its cells checked as above. */
export function checkScanCells(result: ReadResult, document: ExtractedDocument): ReadResult {
  const { report } = result;
  const format = report.meta.format;
  if (format === 'unknown') return result;
  const work: Work = {
    cells: { ...report.cells } as Cells,
    sources: {},
    findings: [...result.findings],
    placements: { ...result.placements },
  };
  placeS4(work, document);
  const opened = openForbidden(work.cells);
  // (六) as the report prints it, by the rules' own test (one row or sub-rows).
  const checks = sumChecks(format, otherLayout(report, format));
  // The recogniser's confidence in each figure, as the cells' provenance will carry it.
  const sources = { ...withOcrConfidence(report, document).provenance, ...work.sources };
  opened.push(...openUnsure(checks, work.cells, (id) => sources[id]?.confidence));
  const against = openContradicted(checks, work.cells);
  opened.push(...against);
  const contradicted = new Map(against.map((change) => [change.id, change.read as number]));
  const read = new Set(Object.keys(work.cells).filter((id) => typeof work.cells[id] === 'number'));
  const explained = (id: string, value: number): boolean => {
    const figure = contradicted.get(id);
    return figure === undefined || oneCharacterLostOrAdded(figure, value);
  };
  const filled = fillBySums(checks, work.cells, read, sumInWords, explained);
  for (const fill of filled) work.placements[fill.id] = { confidence: BY_SUM, placedBy: 'sum' };
  const unsure = unsureGroups(work) + unsureMarks(work);
  if (opened.length + filled.length + Object.keys(work.sources).length + unsure === 0) return result;
  const cellIds = [...result.cellIds, ...Object.keys(work.cells).filter((id) => !result.cellIds.includes(id))];
  const provenance = { ...report.provenance, ...work.sources };
  return {
    ...result,
    report: { ...report, cells: work.cells, provenance },
    cellIds,
    findings: [...work.findings, ...said(opened, filled)],
    ...(Object.keys(work.placements).length > 0 ? { placements: work.placements } : {}),
  };
}
