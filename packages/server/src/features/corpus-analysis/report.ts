import type { Report, ReportFormat } from '@xxgk/core';

/** An empty prose section: the corpus keeps a report's tables, not its text. */
const NO_TEXT = { paragraphs: [], subsections: [] };

/** A report of the corpus as core's model, for its renderers and rules. */
export function corpusReport(agency: string, year: number, format: string, cells: Report['cells']): Report {
  return {
    meta: { agency, year, format: format === '2019' || format === '2021' ? (format as ReportFormat) : 'unknown' },
    sections: { overview: NO_TEXT, problems: NO_TEXT, otherMatters: NO_TEXT },
    cells,
  };
}
