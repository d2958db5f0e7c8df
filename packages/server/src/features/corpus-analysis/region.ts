import {
  REGIONS,
  RULES,
  checkReport,
  formatForYear,
  publicationDeadline,
  renderDocx,
  renderHtml,
  sumReportCells,
} from '@xxgk/core';
import type { Db } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { regionCellSums, regionOrgans, regionReports } from './repository.js';
import { corpusReport } from './report.js';

/**
 * Rules that judge the report's text or its publication, not its tables: a 汇总 has no text of
 * its own and is not published by an organ, so they would only say what is obvious.
 */
const NOT_FOR_SUMS = new Set([
  'agency-missing',
  'section-missing',
  'text-year-mismatch',
  'fee-not-reported',
  'prose-contradicts-table',
  'publication-late',
]);
const SUM_RULES = RULES.filter((rule) => !rule.crossYear && !NOT_FOR_SUMS.has(rule.id));

/**
 * A government's 汇总 for a year: the tables of its organs' current reports added up cell by cell
 * in the official layout, core's rules on the sum, and its organs known in the corpus whose report
 * of the year is missing, or was published after 条例第四十九条's deadline (when the file gives the date).
 */
export async function regionSummary(db: Db, code: string, year: number, within: boolean) {
  const region = REGIONS.get(code);
  if (!region) throw notFound('行政区划');
  const [sums, reports, organs] = await Promise.all([
    regionCellSums(db, code, year, within),
    regionReports(db, code, year, within),
    regionOrgans(db, code, within),
  ]);
  const format = formatForYear(year) ?? 'unknown';
  const agency = `${region.name}${within ? '（含下辖地区）' : ''}各机关汇总`;
  // The sums come from SQL; core rounds them as it rounds any 汇总 (money to the 万元's cents).
  const report = corpusReport(agency, year, format, sumReportCells([sums]));
  const present = new Set(reports.map((r) => r.organId));
  const deadline = publicationDeadline(year);
  const late = reports.flatMap(({ id, organId, organName, publishedOn }) =>
    typeof publishedOn === 'string' && publishedOn > deadline
      ? [{ organId, organName, reportId: String(id), publishedOn }]
      : [],
  );
  return {
    region: { code, name: region.name },
    year,
    within,
    deadline,
    reports: reports.length,
    report,
    findings: checkReport({ report }, SUM_RULES),
    missing: organs.filter((o) => !present.has(o.id)).map((o) => ({ organId: o.id, organName: o.name })),
    late,
  };
}

export type RegionSummary = Awaited<ReturnType<typeof regionSummary>>;

/** The 汇总 as a document in the official layout, as the annual reports are rendered. */
export async function regionDocument(summary: RegionSummary, kind: 'html' | 'docx') {
  const name = `${summary.region.name}${summary.year}年度政府信息公开工作年度报告汇总`;
  if (kind === 'html') {
    return { name: `${name}.html`, bytes: new TextEncoder().encode(renderHtml(summary.report)) };
  }
  return { name: `${name}.docx`, bytes: await renderDocx(summary.report) };
}
