import { CELLS, cellName, tableCellIds, type ReportFormat } from '../model/cells.js';
import { CompileError } from './errors.js';
import type { YearFigures } from './records.js';

/** Section 二 rows counted from the document register rather than entered as figures. */
export const DOCUMENT_ROWS = ['regulations', 'normativeDocs'] as const;

export function isDocumentCell(cellId: string): boolean {
  return DOCUMENT_ROWS.some((row) => cellId.startsWith(`s2.${row}.`));
}

/**
 * The cells of section 二 that an organ enters as figures for the year, in table order: the
 * decisions and fees of the 2021 table; the item counts, decisions and procurement of the 2019
 * table. Every other cell of the report is counted from records.
 */
export function figureCellIds(format: ReportFormat): readonly string[] {
  return tableCellIds('s2', format).filter((id) => !isDocumentCell(id));
}

/**
 * The figure cells of the format: a count left out is 0 (the usual reading of an empty
 * register), a money amount is kept as given (万元, decimals and all), and `null` stays null,
 * a blank cell the rule `cell-blank` warns about. A key that is not a figure cell of the format
 * is an error: it would otherwise vanish from the report without a word.
 */
export function takeFigures(
  figures: YearFigures,
  format: ReportFormat,
): { cells: Record<string, number | null>; sources: Record<string, { figure: true }> } {
  const wanted = figureCellIds(format);
  for (const key of Object.keys(figures)) {
    if (wanted.includes(key)) continue;
    const why = !CELLS.has(key)
      ? '不是表格单元格编号'
      : isDocumentCell(key)
        ? '由文件登记统计得出，无需填报'
        : `不是 ${format} 格式第二部分需要填报的数字`;
    throw new CompileError(`填报数字“${key}”${why}`, key);
  }
  const cells: Record<string, number | null> = {};
  const sources: Record<string, { figure: true }> = {};
  for (const id of wanted) {
    const value = figures[id];
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new CompileError(`填报数字“${cellName(id)}”不是有效数值：${value}`, id);
    }
    cells[id] = value === undefined ? 0 : value;
    sources[id] = { figure: true };
  }
  return { cells, sources };
}
