import { displayValue, reportView, type ReportBlock } from '../layout/report-view.js';
import type { LayoutTable } from '../layout/tables.js';
import type { ProseSection, Report } from '../model/schema.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

/** The look of an official document: 方正小标宋 title, 仿宋 body, 宋体 tables, A4. */
const STYLE = `
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
body { font-family: "仿宋_GB2312", "FangSong", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.75; max-width: 46em; margin: 2em auto; color: #000; }
h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; }
h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 1em 0 0.3em; }
h3 { font-family: "楷体_GB2312", "KaiTi", "STKaiti", serif; font-size: 16pt; font-weight: normal; margin: 0.6em 0 0.2em; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
table.xxgk { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-family: "宋体", "SimSun", "Noto Serif CJK SC", serif; font-size: 10.5pt; line-height: 1.4; }
table.xxgk th, table.xxgk td { border: 1px solid #000; padding: 3px 4px; text-align: center; vertical-align: middle; }
table.xxgk th { font-weight: normal; }
table.xxgk th.left { text-align: left; }
table.xxgk td { font-family: "Times New Roman", "宋体", serif; }
`;

function proseHtml(section: ProseSection): string {
  const paragraphs = (items: readonly string[]) => items.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return [
    paragraphs(section.paragraphs),
    ...section.subsections.map((sub) => `<h3>${escapeHtml(sub.heading)}</h3>\n${paragraphs(sub.paragraphs)}`),
  ]
    .filter(Boolean)
    .join('\n');
}

export function tableHtml(report: Report, table: LayoutTable): string {
  const rows = table.rows.map((row, index) => {
    const cells = row.map((cell) => {
      const spans = `${cell.rowSpan && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
      if (cell.cellId !== undefined) {
        return `<td${spans} data-cell="${cell.cellId}">${escapeHtml(displayValue(report, cell.cellId))}</td>`;
      }
      const scope = index < table.headerRows ? ' scope="col"' : '';
      return `<th${spans}${scope}${cell.alignLeft ? ' class="left"' : ''}>${escapeHtml(cell.text ?? '')}</th>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const cols = table.widths.map(
    (w) => `<col style="width:${((w / table.widths.reduce((a, b) => a + b, 0)) * 100).toFixed(2)}%">`,
  );
  return `<table class="xxgk" data-table="${table.id}"><colgroup>${cols.join('')}</colgroup>\n<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function blockHtml(report: Report, block: ReportBlock): string {
  const heading = `<h2>${escapeHtml(block.title)}</h2>`;
  if (block.kind === 'prose') return `<section>${heading}\n${proseHtml(block.section)}</section>`;
  return `<section>${heading}\n${block.table ? tableHtml(report, block.table) : ''}</section>`;
}

export interface HtmlOptions {
  /** Only the report's markup, for embedding in a page: no <html>, <head> or style. */
  readonly fragment?: boolean;
}

/** The report as an HTML page in the official layout, with the tables' exact spans. */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const view = reportView(report);
  const body = [`<h1>${escapeHtml(view.title)}</h1>`, ...view.blocks.map((block) => blockHtml(report, block))].join(
    '\n',
  );
  const article = `<article class="xxgk-report" data-format="${report.meta.format}" data-year="${report.meta.year}">\n${body}\n</article>`;
  if (options.fragment) return article;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(view.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${article}
</body>
</html>
`;
}
