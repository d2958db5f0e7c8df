import {
  APPLICANT_COLUMNS,
  CELLS,
  S3_COLUMNS,
  S3_OUTCOME_GROUPS,
  defaultOtherLayout,
  outcomeRowKeys,
  s3Rows,
  type OtherRowLayout,
  type ReportFormat,
} from '../model/cells.js';
import type { Report } from '../model/schema.js';
import { interned } from '../model/interned.js';

/** Money is compared to the 0.0001 万元 (one 元) that reports print. */
const MONEY_TOLERANCE = 1e-4;

/** A cell's value: a number, null for a blank cell, undefined when the report lacks the cell. */
export function cell(report: Report, id: string): number | null | undefined {
  return report.cells[id];
}

/** The national format the tables follow, or undefined for a free-form report. */
/** How section 三 prints (六): as the report has it. */
export function otherLayout(report: Pick<Report, 'cells'>, format: ReportFormat): OtherRowLayout {
  return otherIsSingleRow(report) ? 'single' : defaultOtherLayout(format);
}

export function tableFormat(report: Report): ReportFormat | undefined {
  return report.meta.format === 'unknown' ? undefined : report.meta.format;
}

/** Formats a number the way the tables print it. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

export { cellName } from '../model/cells.js';

export interface SumMismatch {
  readonly expected: number;
  readonly actual: number;
  readonly parts: readonly number[];
}

/**
 * Compares a total cell with the sum of its parts. Says nothing when any cell is missing or
 * blank: those have rules of their own, and a sum over unknowns proves nothing.
 */
export function checkSum(report: Report, totalId: string, partIds: readonly string[]): SumMismatch | undefined {
  const total = cell(report, totalId);
  if (typeof total !== 'number') return undefined;
  // Summed in order as the parts are read; their list is only made for a sum that fails (few do).
  let sum = 0;
  for (const id of partIds) {
    const value = cell(report, id);
    if (typeof value !== 'number') return undefined;
    sum += value;
  }
  if (Math.abs(sum - total) <= MONEY_TOLERANCE) return undefined;
  return { expected: sum, actual: total, parts: partIds.map((id) => cell(report, id) as number) };
}

/** "2+1+0" for a list of parts. */
export function sumExpression(parts: readonly number[]): string {
  return parts.map(formatNumber).join('+');
}

/** The sum of some cells when all are numbers; undefined otherwise. */
export function sumCells(report: Report, ids: readonly string[]): number | undefined {
  let sum = 0;
  for (const id of ids) {
    const value = cell(report, id);
    if (typeof value !== 'number') return undefined;
    sum += value;
  }
  return sum;
}

/** Whether the report holds a cell of the table (inferred cells do not make a table). */
export function hasTable(report: Report, prefix: 's2' | 's3' | 's4'): boolean {
  const inferred = report.inferred;
  for (const id of TABLE_IDS[prefix]) {
    if (id in report.cells && !(inferred && inferred.includes(id))) return true;
  }
  return false;
}

/** Every cell ID of each table in either format, for quick membership tests. */
const TABLE_IDS: Readonly<Record<'s2' | 's3' | 's4', readonly string[]>> = {
  s2: [...CELLS.keys()].filter((id) => id.startsWith('s2.')),
  s3: [...CELLS.keys()].filter((id) => id.startsWith('s3.')),
  s4: [...CELLS.keys()].filter((id) => id.startsWith('s4.')),
};

/** Whether a 2021-format report prints (六)其他处理 as one row. */
export function otherIsSingleRow(report: Pick<Report, 'cells'>): boolean {
  return SINGLE_OTHER_IDS.some((id) => id in report.cells);
}

const SINGLE_OTHER_IDS = ['natural', 'business', 'research', 'ngo', 'legal', 'otherOrg', 'total'].map((column) =>
  interned(`s3.other.${column}`),
);

/** One sum of section 三: its total cell, the cells that add up to it, and the label of the row or column. */
export interface RowSum {
  readonly totalId: string;
  readonly partIds: readonly string[];
  readonly label: string;
}

const rowSums = new Map<string, readonly RowSum[]>();

/** The row sums of section 三 for a format and layout, built once. */
export function s3RowSums(format: ReportFormat, other: OtherRowLayout): readonly RowSum[] {
  const key = `${format}/${other}`;
  let sums = rowSums.get(key);
  if (!sums) {
    sums = s3Rows(format, other).map((row) => ({
      totalId: interned(`s3.${row.key}.total`),
      partIds: APPLICANT_COLUMNS.map((column) => interned(`s3.${row.key}.${column.key}`)),
      label: row.group ? `${row.group.label}${row.label}` : row.label,
    }));
    rowSums.set(key, sums);
  }
  return sums;
}

/** Last year's report when it really is the previous year of the same organ. */
export function previousYear(report: Report, previous: Report | undefined): Report | undefined {
  if (!previous) return undefined;
  if (previous.meta.year !== report.meta.year - 1) return undefined;
  if (normaliseAgency(previous.meta.agency) !== normaliseAgency(report.meta.agency)) return undefined;
  return previous;
}

export function normaliseAgency(name: string): string {
  return name.replace(/\s+/g, '');
}

const columnSums = new Map<string, readonly RowSum[]>();

/** The column sums of section 三 — (七)总计 over the outcome rows — for a format and layout, built once. */
export function s3ColumnSums(format: ReportFormat, other: OtherRowLayout): readonly RowSum[] {
  const key = `${format}/${other}`;
  let sums = columnSums.get(key);
  if (!sums) {
    const rows = S3_OUTCOME_GROUPS.flatMap((group) => outcomeRowKeys(group, format, other));
    sums = S3_COLUMNS.map((column) => ({
      totalId: interned(`s3.total.${column.key}`),
      partIds: rows.map((row) => interned(`s3.${row}.${column.key}`)),
      label: column.label,
    }));
    columnSums.set(key, sums);
  }
  return sums;
}
