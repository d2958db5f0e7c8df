import { displayValue, reportView } from '../layout/report-view.js';
import {
  APPLICANT_COLUMNS,
  S2_BLOCKS,
  S3_COLUMNS,
  S3_OUTCOMES_HEADING,
  S4_COLUMNS,
  S4_GROUPS,
  defaultOtherLayout,
  s3Rows,
  type ReportFormat,
  type TableId,
} from '../model/cells.js';
import type { ProseSection, Report } from '../model/schema.js';
import { otherIsSingleRow } from '../rules/helpers.js';

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}

function pipeTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  return [row(header), `|${' --- |'.repeat(header.length)}`, ...body.map(row)].join('\n');
}

/*
 * A pipe table cannot span rows or columns, so the statutory tables are unfolded: each value
 * row carries its whole label, and section 二 becomes one small table per item of 第二十条.
 */
const TABLES: Record<TableId, (report: Report, format: ReportFormat) => string> = {
  s2: (report, format) =>
    S2_BLOCKS[format]
      .map((block) => {
        const columns = block.rows[0]?.columns ?? [];
        const body = block.rows.map((r) => [
          r.label,
          ...r.columns.map((c) => displayValue(report, `s2.${r.key}.${c.key}`)),
        ]);
        return `**${block.item}**\n\n${pipeTable(['信息内容', ...columns.map((c) => c.label)], body)}`;
      })
      .join('\n\n'),
  s3: (report, format) => {
    const other = otherIsSingleRow(report) ? 'single' : defaultOtherLayout(format);
    const body = s3Rows(format, other).map((r) => {
      const outcome = r.key !== 'new' && r.key !== 'carriedIn' && r.key !== 'carriedOut';
      const label = `${outcome ? `${S3_OUTCOMES_HEADING} ` : ''}${r.group ? `${r.group.label} ` : ''}${r.label}`;
      return [label, ...S3_COLUMNS.map((c) => displayValue(report, `s3.${r.key}.${c.key}`))];
    });
    const header = [
      '申请人情况',
      ...APPLICANT_COLUMNS.map((c, i) => (i === 0 ? c.label : `法人或其他组织·${c.label}`)),
      '总计',
    ];
    return pipeTable(header, body);
  },
  s4: (report) =>
    pipeTable(
      ['类别', ...S4_COLUMNS.map((c) => c.label)],
      S4_GROUPS.map((g) => [
        g.key === 'review' ? g.label : `行政诉讼·${g.label}`,
        ...S4_COLUMNS.map((c) => displayValue(report, `s4.${g.key}.${c.key}`)),
      ]),
    ),
};

function proseMarkdown(section: ProseSection): string {
  return [...section.paragraphs, ...section.subsections.flatMap((sub) => [`### ${sub.heading}`, ...sub.paragraphs])]
    .filter((line) => line.trim() !== '')
    .join('\n\n');
}

/** The report as Markdown: prose as paragraphs, each table unfolded into pipe tables. */
export function renderMarkdown(report: Report): string {
  const view = reportView(report);
  const format = report.meta.format;
  const parts = [`# ${view.title}`];
  for (const block of view.blocks) {
    parts.push(`## ${block.title}`);
    if (block.kind === 'prose') parts.push(proseMarkdown(block.section));
    else if (block.table && format !== 'unknown') parts.push(TABLES[block.table.id](report, format));
  }
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}
