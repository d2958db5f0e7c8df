import { formatCellIds, type ReportFormat } from './cells.js';
import type { ProseSection, Report } from './schema.js';

export interface TemplateOptions {
  readonly format: ReportFormat;
  readonly agency: string;
  readonly year: number;
  readonly region?: string;
}

/** The sub-headings the national format's guidance gives section 一. */
export const OVERVIEW_HEADINGS = [
  '（一）主动公开',
  '（二）依申请公开',
  '（三）政府信息管理',
  '（四）平台建设',
  '（五）监督保障',
] as const;

function section(headings: readonly string[]): ProseSection {
  return { paragraphs: [], subsections: headings.map((heading) => ({ heading, paragraphs: [] })) };
}

/**
 * A blank report: every statutory cell 0 and the prose sections with their usual sub-headings
 * and no text. It is a valid model; the rules then say what is still to be written.
 */
export function blankReport(options: TemplateOptions): Report {
  const cells: Record<string, number> = {};
  for (const id of formatCellIds(options.format)) cells[id] = 0;
  return {
    meta: {
      agency: options.agency,
      year: options.year,
      format: options.format,
      ...(options.region ? { region: options.region } : {}),
      title: `${options.agency}${options.year}年政府信息公开工作年度报告`,
    },
    sections: {
      overview: section(OVERVIEW_HEADINGS),
      problems: section([]),
      otherMatters: section([]),
    },
    cells,
  };
}
