import { defaultOtherLayout, type TableId } from '../model/cells.js';
import { SECTION_TITLES, reportTitle } from '../model/sections.js';
import type { ProseSection, Report } from '../model/schema.js';
import { otherIsSingleRow } from '../rules/helpers.js';
import { layoutTables, type LayoutTable } from './tables.js';

/**
 * A report laid out in the national format's order: six sections, each prose or a table.
 * Renderers walk this list with one handler per block kind, so that they cannot disagree on
 * what comes where.
 */
export type ReportBlock =
  | { readonly kind: 'prose'; readonly title: string; readonly section: ProseSection }
  | { readonly kind: 'table'; readonly title: string; readonly table: LayoutTable | undefined };

export interface ReportView {
  readonly title: string;
  readonly blocks: readonly ReportBlock[];
}

export function reportView(report: Report): ReportView {
  const format = report.meta.format;
  const tables =
    format === 'unknown' ? [] : layoutTables(format, otherIsSingleRow(report) ? 'single' : defaultOtherLayout(format));
  const table = (id: TableId): ReportBlock => ({
    kind: 'table',
    title: SECTION_TITLES[id],
    table: tables.find((t) => t.id === id),
  });
  const { overview, problems, otherMatters } = report.sections;
  return {
    title: reportTitle(report),
    blocks: [
      { kind: 'prose', title: overview.title ?? SECTION_TITLES.overview, section: overview },
      table('s2'),
      table('s3'),
      table('s4'),
      { kind: 'prose', title: problems.title ?? SECTION_TITLES.problems, section: problems },
      { kind: 'prose', title: otherMatters.title ?? SECTION_TITLES.otherMatters, section: otherMatters },
    ],
  };
}

/** A cell value as the tables print it: blank for a blank or absent cell. */
export function displayValue(report: Report, cellId: string): string {
  const value = report.cells[cellId];
  if (value === null || value === undefined) return '';
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}
