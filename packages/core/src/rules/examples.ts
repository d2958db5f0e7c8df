import { APPLICANT_COLUMNS, type OtherRowLayout, type ReportFormat } from '../model/cells.js';
import { generateReport, seededRandom } from '../model/generate.js';
import type { Report } from '../model/schema.js';
import type { RuleContext, RuleExample } from './types.js';

/**
 * Builders for the rules' examples: a valid generated report of a format, changed by `edit`.
 * The seed is fixed so that the generated rule documentation never changes by itself.
 */
export function sample(
  format: ReportFormat,
  edit?: (report: Report) => void,
  options: { year?: number; other?: OtherRowLayout } = {},
): Report {
  const report = generateReport(seededRandom(20210130), { format, agency: '相山区应急管理局', ...options });
  edit?.(report);
  return report;
}

export function example(name: string, build: () => Report | RuleContext): RuleExample {
  return {
    name,
    build: () => {
      const built = build();
      return 'meta' in built ? { report: built } : built;
    },
  };
}

/** Last year's and this year's reports of one organ, consistent with each other. */
export function consecutive(format: ReportFormat, edit?: (current: Report, previous: Report) => void): RuleContext {
  const previous = generateReport(seededRandom(7), { format, agency: '相山区应急管理局', year: 2022 });
  const report = generateReport(seededRandom(8), { format, agency: '相山区应急管理局', year: 2023 });
  const cells = report.cells;
  const get = (id: string): number => cells[id] ?? 0;
  for (const column of APPLICANT_COLUMNS.map((c) => c.key)) {
    const carried = previous.cells[`s3.carriedOut.${column}`] ?? 0;
    // Keep 一 + 二 = 三(七) + 四: what comes in from last year goes out again at year end.
    const extra = carried - get(`s3.carriedIn.${column}`);
    cells[`s3.carriedIn.${column}`] = carried;
    cells[`s3.carriedOut.${column}`] = get(`s3.carriedOut.${column}`) + extra;
    if (get(`s3.carriedOut.${column}`) < 0) {
      cells[`s3.new.${column}`] = get(`s3.new.${column}`) - get(`s3.carriedOut.${column}`);
      cells[`s3.carriedOut.${column}`] = 0;
    }
  }
  for (const row of ['new', 'carriedIn', 'carriedOut']) {
    cells[`s3.${row}.total`] = APPLICANT_COLUMNS.reduce((sum, c) => sum + get(`s3.${row}.${c.key}`), 0);
  }
  if (format === '2021') {
    for (const row of ['regulations', 'normativeDocs']) {
      cells[`s2.${row}.repealed`] = Math.min(get(`s2.${row}.repealed`), previous.cells[`s2.${row}.inForce`] ?? 0);
      cells[`s2.${row}.inForce`] =
        (previous.cells[`s2.${row}.inForce`] ?? 0) + get(`s2.${row}.issued`) - get(`s2.${row}.repealed`);
    }
  }
  edit?.(report, previous);
  return { report, previous };
}

/** Removes the cells `drop` selects, as a report that lacks those rows or tables would. */
export function removeCells(report: Report, drop: (id: string) => boolean): void {
  report.cells = Object.fromEntries(Object.entries(report.cells).filter(([id]) => !drop(id)));
}
