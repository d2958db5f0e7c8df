import { cellInfo, type ReportFormat } from '../model/cells.js';
import type { Report } from '../model/schema.js';

/** Money is compared to the 0.0001 万元 (one 元) that reports print. */
const MONEY_TOLERANCE = 1e-4;

/** A cell's value: a number, null for a blank cell, undefined when the report lacks the cell. */
export function cell(report: Report, id: string): number | null | undefined {
  return report.cells[id];
}

/** The national format the tables follow, or undefined for a free-form report. */
export function tableFormat(report: Report): ReportFormat | undefined {
  return report.meta.format === 'unknown' ? undefined : report.meta.format;
}

/** Formats a number the way the tables print it. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

/** The Chinese name of a cell, for messages. */
export function cellName(id: string): string {
  return cellInfo(id).label;
}

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
  const parts: number[] = [];
  for (const id of partIds) {
    const value = cell(report, id);
    if (typeof value !== 'number') return undefined;
    parts.push(value);
  }
  const sum = parts.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - total) <= MONEY_TOLERANCE) return undefined;
  return { expected: sum, actual: total, parts };
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
  const inferred = new Set(report.inferred ?? []);
  return Object.keys(report.cells).some((id) => id.startsWith(`${prefix}.`) && !inferred.has(id));
}

/** Whether a 2021-format report prints (六)其他处理 as one row. */
export function otherIsSingleRow(report: Report): boolean {
  return Object.keys(report.cells).some((id) => id.startsWith('s3.other.') && id.split('.').length === 3);
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
