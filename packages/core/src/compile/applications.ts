import { APPLICANT_KINDS, OUTCOMES, type Outcome } from '../cases/model.js';
import { S3_COLUMNS, s3Rows, type ReportFormat } from '../model/cells.js';
import { yearBounds, isIsoDate } from './dates.js';
import { CompileError } from './errors.js';
import type { ApplicationRecord } from './records.js';
import { Tally } from './tally.js';

/**
 * Section 三 from the case register. For the year reported on:
 *
 * - `s3.new.<kind>`: applications received in the year;
 * - `s3.carriedIn.<kind>`: received before 1 January and not closed before it;
 * - an outcome row `s3.<outcome>.<kind>`: applications of those two groups closed in the year,
 *   by outcome (the 2019 table has one (六)其他处理 row, so the three `other.*` outcomes go to
 *   `s3.other.<kind>`; the 2021 table keeps the three sub-rows);
 * - `s3.total.<kind>`: the sum of the outcome rows;
 * - `s3.carriedOut.<kind>`: applications still open at 31 December.
 *
 * So new + carriedIn = total + carriedOut in every column (the rule `s3-balance`), and next
 * year's carriedIn is this year's carriedOut (`cross-year-carryover`). Every `.total` column is
 * the sum of the six applicant kinds. Applications received after the year, and those closed
 * before it, are not counted.
 */
export function countApplications(
  applications: readonly ApplicationRecord[],
  year: number,
  format: ReportFormat,
): { cells: Record<string, number>; sources: Record<string, { count: number; ids: string[] }> } {
  const rows = s3Rows(format);
  const rowKeys = new Set(rows.map((row) => row.key));
  const tally = new Tally(rows.flatMap((row) => S3_COLUMNS.map((column) => `s3.${row.key}.${column.key}`)));
  const { first, last } = yearBounds(year);
  const seen = new Set<string>();

  applications.forEach((record, index) => {
    const closing = checkApplication(record, index, seen);
    if (record.receivedOn > last) return;
    if (closing && closing.closedOn < first) return;
    const counted = [record.receivedOn >= first ? 'new' : 'carriedIn'];
    if (closing && closing.closedOn <= last) counted.push(outcomeRow(closing.outcome, rowKeys), 'total');
    else counted.push('carriedOut');
    for (const row of counted) {
      tally.add(`s3.${row}.${record.applicantKind}`, record.id);
      tally.add(`s3.${row}.total`, record.id);
    }
  });
  return { cells: tally.cells(), sources: tally.sources() };
}

/** The row an outcome is counted in: its own, or its group's where the table has no sub-rows. */
function outcomeRow(outcome: Outcome, rowKeys: ReadonlySet<string>): string {
  if (rowKeys.has(outcome)) return outcome;
  const group = outcome.split('.')[0] as string;
  if (!rowKeys.has(group)) throw new Error(`internal: no row for outcome ${outcome}`);
  return group;
}

const KINDS: ReadonlySet<string> = new Set(APPLICANT_KINDS);
const OUTCOME_SET: ReadonlySet<string> = new Set(OUTCOMES);

/**
 * Throws on a record that cannot be counted honestly; returns how it closed, if it did.
 * Records may come from JSON or a database, so the union types are checked at run time too.
 */
function checkApplication(
  record: ApplicationRecord,
  index: number,
  seen: Set<string>,
): { closedOn: string; outcome: Outcome } | undefined {
  const { id } = record;
  if (typeof id !== 'string' || id.trim() === '') throw new CompileError(`第${index + 1}条申请记录没有编号`);
  const name = `申请“${id}”`;
  if (seen.has(id)) throw new CompileError(`申请编号“${id}”重复：同一申请只能统计一次`, id);
  seen.add(id);
  if (!KINDS.has(record.applicantKind)) {
    throw new CompileError(`${name}的申请人类型“${String(record.applicantKind)}”无效`, id);
  }
  if (!isIsoDate(record.receivedOn)) {
    throw new CompileError(`${name}的收到日期“${String(record.receivedOn)}”不是有效日期（应为 YYYY-MM-DD）`, id);
  }
  if (record.outcome !== undefined && !OUTCOME_SET.has(record.outcome)) {
    throw new CompileError(`${name}的办理结果“${String(record.outcome)}”无效`, id);
  }
  if (record.closedOn === undefined) {
    if (record.outcome !== undefined) throw new CompileError(`${name}有办理结果但没有办结日期`, id);
    return undefined;
  }
  if (!isIsoDate(record.closedOn)) {
    throw new CompileError(`${name}的办结日期“${String(record.closedOn)}”不是有效日期（应为 YYYY-MM-DD）`, id);
  }
  if (record.closedOn < record.receivedOn) {
    throw new CompileError(`${name}的办结日期 ${record.closedOn} 早于收到日期 ${record.receivedOn}`, id);
  }
  if (record.outcome === undefined) {
    throw new CompileError(`${name}已于 ${record.closedOn} 办结，但没有办理结果`, id);
  }
  return { closedOn: record.closedOn, outcome: record.outcome };
}
