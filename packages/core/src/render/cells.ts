import { stringify } from 'csv-stringify/sync';
import { ALL_CELL_IDS } from '../model/cells.js';
import type { Report } from '../model/schema.js';
import type { ReadReport } from '../parse/read.js';
import type { Finding } from '../rules/types.js';

/** The flat form of a report: metadata and every cell keyed by its ID (the public contract). */
export interface FlatCells {
  readonly agency: string;
  /** Null for a report read from a file that states no year. */
  readonly year: number | null;
  readonly format: string;
  readonly cells: Readonly<Record<string, number | null>>;
  readonly inferred?: readonly string[];
  readonly findings?: readonly Pick<Finding, 'rule' | 'severity' | 'message' | 'cells'>[];
}

export function flatCells(report: ReadReport, findings?: readonly Finding[]): FlatCells {
  const cells: Record<string, number | null> = {};
  for (const id of ALL_CELL_IDS) {
    const value = report.cells[id];
    if (value !== undefined) cells[id] = value;
  }
  return {
    agency: report.meta.agency,
    year: report.meta.year,
    format: report.meta.format,
    cells,
    ...(report.inferred?.length ? { inferred: report.inferred } : {}),
    ...(findings
      ? {
          findings: findings.map(({ rule, severity, message, cells: ids }) => ({
            rule,
            severity,
            message,
            cells: ids,
          })),
        }
      : {}),
  };
}

export function renderCellsJson(report: Report, findings?: readonly Finding[]): string {
  return `${JSON.stringify(flatCells(report, findings), null, 2)}\n`;
}

export const CSV_META_COLUMNS = ['agency', 'year', 'format'] as const;

/** The header line of the cells CSV: metadata, then one column per cell ID of either format. */
export function cellsCsvHeader(withFile = false): string {
  return stringify([[...(withFile ? ['file'] : []), ...CSV_META_COLUMNS, ...ALL_CELL_IDS]]);
}

/**
 * One report as a line of the cells CSV. A cell the report's format does not have is empty, as
 * is a blank cell; a researcher reads the difference from `format`.
 */
export function cellsCsvRow(report: ReadReport, file?: string): string {
  return stringify([
    [
      ...(file !== undefined ? [file] : []),
      report.meta.agency,
      report.meta.year,
      report.meta.format,
      ...ALL_CELL_IDS.map((id) => report.cells[id] ?? ''),
    ],
  ]);
}

/** Reports as CSV: one row per report (after its file, when given), one column per cell ID. */
export function renderCellsCsv(reports: readonly Report[], files?: readonly string[]): string {
  const rows = reports.map((report, index) => cellsCsvRow(report, files ? (files[index] ?? '') : undefined));
  // A byte-order mark lets Excel, which most officers open CSV with, read the file as UTF-8.
  return `\uFEFF${cellsCsvHeader(files !== undefined)}${rows.join('')}`;
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
