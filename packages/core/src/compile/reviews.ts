import { S4_COLUMNS, S4_GROUPS } from '../model/cells.js';
import { isIsoDate, yearBounds } from './dates.js';
import { CompileError } from './errors.js';
import type { ReviewRecord } from './records.js';
import { Tally } from './tally.js';

const KINDS: ReadonlySet<string> = new Set(S4_GROUPS.map((group) => group.key));
const RESULTS: ReadonlySet<string> = new Set(['upheld', 'corrected', 'other']);

/** How a case is named in drill-down: its case number, or its place in the input (`#3`). */
export function reviewId(record: ReviewRecord, index: number): string {
  return record.caseNo?.trim() || `#${index + 1}`;
}

/**
 * Section 四 from the register of reviews and suits. For each kind: cases concluded in the year
 * by result (`upheld`, `corrected`, `other`); `pending` = filed on or before 31 December and not
 * concluded by then (cases filed in earlier years included); `total` = the sum of the four.
 * Cases concluded before the year, and cases filed after it, are not counted.
 */
export function countReviews(
  reviews: readonly ReviewRecord[],
  year: number,
): { cells: Record<string, number>; sources: Record<string, { count: number; ids: string[] }> } {
  const tally = new Tally(S4_GROUPS.flatMap((group) => S4_COLUMNS.map((column) => `s4.${group.key}.${column.key}`)));
  const { first, last } = yearBounds(year);
  const seen = new Set<string>();
  reviews.forEach((record, index) => {
    const id = reviewId(record, index);
    const conclusion = checkReview(record, index);
    if (seen.has(id)) throw new CompileError(`案号“${id}”重复：同一案件只能统计一次`, id);
    seen.add(id);
    if (record.filedOn > last) return;
    if (conclusion && conclusion.concludedOn < first) return;
    const part = conclusion && conclusion.concludedOn <= last ? conclusion.result : 'pending';
    tally.add(`s4.${record.kind}.${part}`, id);
    tally.add(`s4.${record.kind}.total`, id);
  });
  return { cells: tally.cells(), sources: tally.sources() };
}

/** Throws on a case that cannot be counted; returns how it was concluded, if it was. */
function checkReview(
  record: ReviewRecord,
  index: number,
): { concludedOn: string; result: NonNullable<ReviewRecord['result']> } | undefined {
  const caseNo = record.caseNo?.trim();
  const name = caseNo ? `案件“${caseNo}”` : `第${index + 1}件复议诉讼案件`;
  if (!KINDS.has(record.kind)) {
    throw new CompileError(`${name}的类型“${String(record.kind)}”无效（应为行政复议、行政诉讼或复议后起诉）`, caseNo);
  }
  if (!isIsoDate(record.filedOn)) {
    throw new CompileError(`${name}的收案日期“${String(record.filedOn)}”不是有效日期（应为 YYYY-MM-DD）`, caseNo);
  }
  if (record.result !== undefined && !RESULTS.has(record.result)) {
    throw new CompileError(`${name}的结果“${String(record.result)}”无效`, caseNo);
  }
  if (record.concludedOn === undefined) {
    if (record.result !== undefined) throw new CompileError(`${name}有审结结果但没有审结日期`, caseNo);
    return undefined;
  }
  if (!isIsoDate(record.concludedOn)) {
    throw new CompileError(`${name}的审结日期“${String(record.concludedOn)}”不是有效日期（应为 YYYY-MM-DD）`, caseNo);
  }
  if (record.concludedOn < record.filedOn) {
    throw new CompileError(`${name}的审结日期 ${record.concludedOn} 早于收案日期 ${record.filedOn}`, caseNo);
  }
  if (record.result === undefined) {
    throw new CompileError(`${name}已于 ${record.concludedOn} 审结，但没有结果（维持、纠正或其他）`, caseNo);
  }
  return { concludedOn: record.concludedOn, result: record.result };
}
