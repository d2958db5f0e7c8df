import ExcelJS from 'exceljs';

/** How a column's cells are typed in the workbook, so that Excel sorts and filters them right. */
export type CellType = 'text' | 'number' | 'date' | 'dateTime';

export interface Column<Row> {
  /** The Chinese header, as the list on screen names the column. */
  readonly header: string;
  readonly type: CellType;
  /** Width in characters. */
  readonly width: number;
  /** The cell's value: text, a number, or a date as YYYY-MM-DD (date) or an ISO instant (dateTime). */
  readonly value: (row: Row) => string | number | null | undefined;
}

export interface Sheet<Row> {
  /** The worksheet's name (31 characters at most in Excel). */
  readonly name: string;
  /** A line above the header saying what was exported, with which filters. */
  readonly caption: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
}

const FORMATS: Readonly<Record<CellType, string | undefined>> = {
  text: '@',
  number: undefined,
  date: 'yyyy"年"m"月"d"日"',
  dateTime: 'yyyy-mm-dd hh:mm',
};

/** China has one time zone and no summer time: the wall clock is UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * A real Excel date. Excel's dates have no time zone; exceljs counts the serial from the Date's
 * UTC fields, so a day is midnight UTC and an instant is shifted to the wall clock in China.
 */
function cellValue(type: CellType, value: string | number | null | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'date') return new Date(`${String(value)}T00:00:00Z`);
  if (type === 'dateTime') return new Date(new Date(String(value)).getTime() + CHINA_OFFSET_MS);
  return value;
}

/** The list as an XLSX workbook: the caption, the header row (frozen, with filters), the rows. */
export async function renderXlsx<Row>(sheet: Sheet<Row>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'xxgk';
  const ws = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns.forEach((column, i) => {
    const format = FORMATS[column.type];
    ws.getColumn(i + 1).width = column.width;
    if (format) ws.getColumn(i + 1).numFmt = format;
  });
  ws.addRow([sheet.caption]).font = { bold: true };
  const header = ws.addRow(sheet.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.numFmt = '@'));
  for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => cellValue(c.type, c.value(row))));
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: sheet.columns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
