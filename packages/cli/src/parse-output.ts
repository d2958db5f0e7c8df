import { cellsCsvRow, flatCells, SEVERITY_LABELS, type Finding, type ReadReport, type SourceKind } from '@xxgk/core';

/** What `xxgk parse` prints for each file. */
export type OutputMode = 'summary' | 'cells' | 'json' | 'csv' | 'explain';

export interface ParsedFile {
  readonly file: string;
  readonly source: SourceKind;
  readonly report: ReadReport;
  readonly findings: readonly Finding[];
}

/** One line of --cells: the public contract of cells.md. */
function cellsLine({ file, report, findings }: ParsedFile): string {
  const flat = flatCells(report, findings);
  const line = {
    file,
    agency: flat.agency,
    year: flat.year,
    format: flat.format,
    cells: flat.cells,
    inferred: flat.inferred ?? [],
    findings: flat.findings ?? [],
  };
  return `${JSON.stringify(line)}\n`;
}

function summary({ file, source, report, findings }: ParsedFile): string {
  const { meta } = report;
  const lines = [
    `${file}：${meta.agency || '（未找到机关）'} ${meta.year === null ? '（未找到年度）' : `${meta.year}年度`} ${meta.format === 'unknown' ? '非国家格式' : `${meta.format} 格式`}（${source.toUpperCase()}，${Object.keys(report.cells).length} 个单元格）`,
  ];
  for (const finding of findings)
    lines.push(`  ${SEVERITY_LABELS[finding.severity]}  ${finding.rule}  ${finding.message}`);
  return `${lines.join('\n')}\n`;
}

function explain({ file, report }: ParsedFile, cellId: string): string {
  const value = report.cells[cellId];
  if (value === undefined) return `${file}：报告中没有单元格 ${cellId}\n`;
  const source = report.provenance?.[cellId];
  const where = source
    ? [
        source.page ? `第 ${source.page} 页` : '',
        source.line ? `第 ${source.line} 行` : '',
        source.table !== undefined ? `第 ${source.table + 1} 个表格` : '',
        source.row !== undefined ? `第 ${source.row + 1} 行` : '',
        source.column !== undefined ? `第 ${source.column + 1} 列` : '',
      ].join('')
    : '';
  const inferred = report.inferred?.includes(cellId) ? '（由正文推断）' : '';
  return `${file}：${cellId} = ${value === null ? '空' : value}${inferred}\n  出处：${where || '未知'}\n  原文：${source?.text ?? '（无）'}\n`;
}

/** The text one file contributes to the output, made where the file was read (a worker thread). */
export function formatParsed(parsed: ParsedFile, mode: OutputMode, explainCell = ''): string {
  switch (mode) {
    case 'cells':
      return cellsLine(parsed);
    case 'json':
      return `${JSON.stringify({ file: parsed.file, source: parsed.source, report: parsed.report, findings: parsed.findings })}\n`;
    case 'csv':
      return cellsCsvRow(parsed.report, parsed.file);
    case 'explain':
      return explain(parsed, explainCell);
    case 'summary':
      return summary(parsed);
  }
}
