import { figureCellIds, isDocumentCell } from '../compile/figures.js';
import { CELLS, REPORT_FORMATS, S2_BLOCKS, cellInfo, cellName, type ReportFormat } from '../model/cells.js';
import { canonical, readCell } from '../parse/normalise.js';
import { fieldError, readCsvTable, type CsvImport, type CsvRowError } from './table.js';
import { writeCsv } from './write.js';

/** The two columns of the figures CSV: the item (a label or a cell ID) and its value. */
export const FIGURES_CSV_HEADER = ['项目', '数值'] as const;

/** One entered figure: the section 二 cell and its value. */
export interface FigureRow {
  readonly cellId: string;
  readonly value: number;
}

/** Separators people put between a row and a column label, or around units: ignored when matching. */
const SEPARATORS = /[\s·・•\-—–_/|:、,.()[\]【】]/g;
/** A unit in brackets at the end of a column label: （单位：万元）, （万元）. */
const BRACKETED_UNIT = /[（(][^（）()]*[）)]$/;

function itemKey(text: string): string {
  return canonical(text).replace(SEPARATORS, '');
}

/**
 * The section 二 cells of both formats by the keys their labels give: row + column label, with
 * and without the bracketed unit ("行政事业性收费·本年收费金额（单位：万元）" or
 * "行政事业性收费 本年收费金额"). Both formats, so that a cell of the other format or a cell
 * counted from documents gets a message that says so instead of "unknown".
 */
const CELL_BY_LABEL: ReadonlyMap<string, string> = (() => {
  const byLabel = new Map<string, string>();
  for (const format of REPORT_FORMATS) {
    for (const block of S2_BLOCKS[format]) {
      for (const row of block.rows) {
        for (const column of row.columns) {
          const id = `s2.${row.key}.${column.key}`;
          byLabel.set(itemKey(row.label + column.label), id);
          byLabel.set(itemKey(row.label + column.label.replace(BRACKETED_UNIT, '')), id);
        }
      }
    }
  }
  return byLabel;
})();

function cellOfItem(item: string): string | undefined {
  return CELLS.has(item) ? item : CELL_BY_LABEL.get(itemKey(item));
}

/**
 * Reads the figures of section 二 that no register yields (decisions, fees, 2019 item counts
 * and procurement): one row an item, named by its Chinese row and column labels
 * ("行政许可·本年处理决定数量") or its cell ID. Only the figure cells of `format` are taken; a cell
 * counted from the document register, or one of the other format, is an error. A value may carry
 * its unit ("12件", "3.25万元"); an empty value (or "—", "无") is no figure, and the row is skipped
 * without an error, so that a template with blank lines can be filled in part. An item given twice
 * is an error on the later row.
 */
export function parseFiguresCsv(text: string, format: ReportFormat): CsvImport<FigureRow> {
  const table = readCsvTable(text, { required: FIGURES_CSV_HEADER, optional: [] });
  const rows: CsvImport<FigureRow>['rows'] = [];
  const errors = [...table.errors];
  const wanted = figureCellIds(format);
  const cellLines = new Map<string, number>();
  for (const { line, fields } of table.records) {
    const rowErrors: CsvRowError[] = [];
    const item = fields['项目'] ?? '';
    const cellId = item === '' ? undefined : cellOfItem(item);
    if (item === '') {
      rowErrors.push(fieldError(line, '项目', '不能为空'));
    } else if (!cellId) {
      rowErrors.push(fieldError(line, '项目', `“${item}”不是 ${format} 格式第二部分需要填报的项目`));
    } else if (isDocumentCell(cellId)) {
      rowErrors.push(fieldError(line, '项目', `“${item}”由文件登记统计得出，无需填报`));
    } else if (!wanted.includes(cellId)) {
      rowErrors.push(fieldError(line, '项目', `“${item}”不是 ${format} 格式第二部分的项目`));
    } else if (cellLines.has(cellId)) {
      rowErrors.push(fieldError(line, '项目', `“${item}”与第${cellLines.get(cellId)}行重复`));
    }
    const valueText = fields['数值'] ?? '';
    const value = readCell(valueText);
    if (value.kind === 'blank' && rowErrors.length === 0) continue;
    if (value.kind === 'text') rowErrors.push(fieldError(line, '数值', `“${valueText}”不是数字`));
    if (cellId && value.kind === 'number' && rowErrors.length === 0) {
      const problem = valueProblem(cellId, valueText, value.value);
      if (problem) rowErrors.push(fieldError(line, '数值', problem));
    }
    if (rowErrors.length > 0 || !cellId || value.kind !== 'number') {
      errors.push(...rowErrors);
      continue;
    }
    cellLines.set(cellId, line);
    rows.push({ line, value: { cellId, value: value.value } });
  }
  return { rows, errors };
}

/** What is wrong with a value for a cell of its kind, if anything. */
function valueProblem(cellId: string, text: string, value: number): string | undefined {
  const { kind } = cellInfo(cellId);
  if (kind === 'money') {
    if (/(?<!万)元$/.test(text.trim())) return `“${text}”以元为单位，应换算为万元填写`;
    if (value < 0) return `金额不能为负数：${text}`;
    return undefined;
  }
  if (!Number.isInteger(value)) return `应为整数：${text}`;
  if (kind === 'count' && value < 0) return `不能为负数：${text}`;
  return undefined;
}

/**
 * The figures of a format as CSV, one row per figure cell labelled as the table prints it; the
 * values given are filled in, the others left blank for the organ to fill.
 */
export function writeFiguresCsv(format: ReportFormat, figures: Readonly<Record<string, number | null>> = {}): string {
  return writeCsv(
    FIGURES_CSV_HEADER,
    figureCellIds(format).map((id) => {
      const value = figures[id];
      return [cellName(id), typeof value === 'number' ? String(value) : ''];
    }),
  );
}

/** The figures CSV of a format with every item and no values, to fill in. */
export function figuresCsvTemplate(format: ReportFormat): string {
  return writeFiguresCsv(format);
}
