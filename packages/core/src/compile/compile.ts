import { PROSE_SECTION_KEYS } from '../model/sections.js';
import type { Report } from '../model/schema.js';
import { blankReport } from '../model/template.js';
import { formatForYear } from '../rules/format.js';
import { countApplications } from './applications.js';
import { countDocuments } from './documents.js';
import { CompileError } from './errors.js';
import { takeFigures } from './figures.js';
import type { CellSource, CompiledReport, CompileInput } from './records.js';
import { countReviews } from './reviews.js';

/**
 * Compiles an organ's annual report for `input.year` from its registers:
 *
 * - section 二: 规章 and 规范性文件 counted from `documents` (see `countDocuments`), the other
 *   cells from `figures` (see `takeFigures`);
 * - section 三: counted from `applications` (see `countApplications`);
 * - section 四: counted from `reviews` (see `countReviews`);
 * - sections 一, 五, 六: `input.sections`, else the blank template's headings;
 * - meta: agency, year, format (by default the one the year calls for), region.
 *
 * The report holds every cell of its format and nothing else; with consistent records it
 * passes `checkReport` with no error other than the prose still to be written. Records that
 * contradict themselves throw a `CompileError` naming the record.
 */
export function compileReport(input: CompileInput): CompiledReport {
  const { year } = input;
  if (!Number.isInteger(year)) throw new CompileError(`报告年度“${String(year)}”不是有效年份`);
  const format = input.format ?? formatForYear(year);
  if (!format) {
    throw new CompileError(`${year}年度没有国家统一的年度报告表格格式（自2019年度起施行），请指定格式`);
  }
  const report: Report = blankReport({
    format,
    agency: input.agency,
    year,
    ...(input.region ? { region: input.region } : {}),
  });
  for (const key of PROSE_SECTION_KEYS) {
    const written = input.sections?.[key];
    if (written) report.sections[key] = written;
  }

  const sources: Record<string, CellSource> = {};
  const parts = [
    countDocuments(input.documents, year, format),
    takeFigures(input.figures, format),
    countApplications(input.applications, year, format),
    countReviews(input.reviews, year),
  ];
  for (const part of parts) {
    Object.assign(report.cells, part.cells);
    Object.assign(sources, part.sources);
  }
  return { report, sources };
}
