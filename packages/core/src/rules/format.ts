import { CELLS, REPORT_FORMATS, TABLE_TITLES, tableCellIds, type ReportFormat, type TableId } from '../model/cells.js';
import { cellIdsOf } from './cell-walk.js';
import { example, removeCells, sample } from './examples.js';
import { cellName, hasTable, otherIsSingleRow, tableFormat } from './helpers.js';
import type { Report } from '../model/schema.js';
import type { Rule } from './types.js';

/** The first report year of the 2021 format (国办公开办函〔2021〕30号). */
export const FIRST_2021_FORMAT_YEAR = 2021;
/** The first report year of any national format (the revised 条例 of 2019). */
export const FIRST_NATIONAL_FORMAT_YEAR = 2019;

export function formatForYear(year: number): '2019' | '2021' | undefined {
  if (year >= FIRST_2021_FORMAT_YEAR) return '2021';
  if (year >= FIRST_NATIONAL_FORMAT_YEAR) return '2019';
  return undefined;
}

/** The cells each format's tables hold: every cell of every report is tested against its format. */
const CELLS_OF_FORMAT: Readonly<Record<ReportFormat, ReadonlySet<string>>> = {
  '2019': new Set([...CELLS.values()].filter((cell) => cell.formats.includes('2019')).map((cell) => cell.id)),
  '2021': new Set([...CELLS.values()].filter((cell) => cell.formats.includes('2021')).map((cell) => cell.id)),
};

/**
 * Whether `format`'s tables hold the cell (false for an ID no format knows), as a test made once
 * for a report's two hundred cells: "2019" and "2021" are index keys, which V8 reads a string as a
 * number to look up.
 */
function isCellOf(format: ReportFormat): (id: string) => boolean {
  const cells = CELLS_OF_FORMAT[format];
  return (id) => cells.has(id);
}

export const formatYear: Rule = {
  id: 'format-year',
  severity: 'error',
  title: '报告使用的表格格式与报告年度要求的国家格式一致',
  check: ({ report }) => {
    const { year, format } = report.meta;
    const required = formatForYear(year);
    if (!required || format === required) return [];
    if (format === 'unknown') {
      return [{ message: `${year}年度报告应使用国家统一的 ${required} 格式表格，本报告未使用`, cells: [] }];
    }
    const why =
      required === '2021' ? '2021年度起应使用国办公开办函〔2021〕30号规定的新格式' : '2021 格式自2021年度报告起使用';
    return [{ message: `${year}年度报告使用了 ${format} 格式的表格：${why}`, cells: [] }];
  },
  examples: {
    pass: [example('2023 年度使用 2021 格式', () => sample('2021', undefined, { year: 2023 }))],
    fail: [
      example('2022 年度仍使用 2019 格式', () => sample('2019', undefined, { year: 2022 })),
      example('2020 年度使用 2021 格式', () => sample('2021', undefined, { year: 2020 })),
    ],
  },
};

export const formatMixedTables: Rule = {
  id: 'format-mixed-tables',
  severity: 'error',
  title: '各表格属于同一国家格式，不混用 2019 与 2021 格式的表格',
  check: ({ report }) => {
    const format = tableFormat(report);
    if (!format) return [];
    const ofFormat = isCellOf(format);
    const foreign = cellIdsOf(report.cells).filter((id) => !ofFormat(id));
    if (foreign.length === 0) return [];
    const other = REPORT_FORMATS.find((f) => f !== format);
    const tables = [...new Set(foreign.map((id) => id.split('.')[0] as TableId))].map((t) => TABLE_TITLES[t]);
    return [
      {
        message: `报告为 ${format} 格式，但“${tables.join('”“')}”使用了 ${other} 格式的栏目（如“${cellName(foreign[0] as string)}”）`,
        cells: foreign,
      },
    ];
  },
  examples: {
    pass: [example('统一使用 2021 格式', () => sample('2021'))],
    fail: [
      example('2021 格式报告的第二部分仍是 2019 格式', () => {
        const report = sample('2021');
        const old = sample('2019');
        removeCells(report, (id) => id.startsWith('s2.'));
        for (const id of Object.keys(old.cells)) if (id.startsWith('s2.')) report.cells[id] = old.cells[id];
        return report;
      }),
    ],
  },
};

/**
 * The cells of a table the report lacks that hold no value (those the prose gave stay out). A
 * 2021 table that is not there prints (六)其他处理 neither way: the cells of both are named.
 */
function absentCells(report: Report, table: TableId, format: ReportFormat): string[] {
  const ids = new Set(tableCellIds(table, format));
  if (table === 's3') for (const id of tableCellIds(table, format, 'single')) ids.add(id);
  return [...ids].filter((id) => report.cells[id] === undefined || report.cells[id] === null);
}

export const tableMissing: Rule = {
  id: 'table-missing',
  severity: 'error',
  title: '报告包含第二、三、四部分的法定表格',
  check: ({ report }) => {
    const format = tableFormat(report);
    if (!format) return [];
    return (['s2', 's3', 's4'] as const)
      .filter((table) => !hasTable(report, table))
      .map((table) => ({
        message: `缺少“${TABLE_TITLES[table]}”的法定表格${(report.inferred ?? []).some((id) => id.startsWith(`${table}.`)) ? '（部分数值仅由正文推断）' : ''}`,
        // The cells the missing table leaves empty, so that each one shows why it is.
        cells: absentCells(report, table, format),
      }));
  },
  examples: {
    pass: [example('三张表格齐全', () => sample('2019'))],
    fail: [
      example('第三、四部分只有文字没有表格', () =>
        sample('2021', (r) => {
          removeCells(r, (id) => !id.startsWith('s2.'));
        }),
      ),
    ],
  },
};

export const cellMissing: Rule = {
  id: 'cell-missing',
  severity: 'error',
  title: '已有的法定表格行列完整，不缺行、不缺栏',
  check: ({ report }) => {
    const format = tableFormat(report);
    if (!format) return [];
    const other = otherIsSingleRow(report) ? 'single' : 'subRows';
    return (['s2', 's3', 's4'] as const).flatMap((table) => {
      if (!hasTable(report, table)) return [];
      const missing = tableCellIds(table, format, other).filter((id) => !(id in report.cells));
      if (missing.length === 0) return [];
      // A 2019 section 二 in a 2021 report is the mixed-tables rule's finding, not missing cells.
      const ofFormat = isCellOf(format);
      if (table === 's2' && cellIdsOf(report.cells).some((id) => id.startsWith('s2.') && !ofFormat(id))) return [];
      const shown = missing.slice(0, 3).map((id) => `“${cellName(id)}”`);
      return [
        {
          message: `“${TABLE_TITLES[table]}”缺少 ${missing.length} 个单元格：${shown.join('、')}${missing.length > 3 ? '等' : ''}`,
          cells: missing,
        },
      ];
    });
  },
  examples: {
    pass: [
      example('表格完整', () => sample('2021')),
      example('（六）其他处理为单行时不要求三个子项', () => sample('2021', undefined, { other: 'single' })),
    ],
    fail: [
      example('缺少“行政强制”一行', () =>
        sample('2021', (r) => {
          delete r.cells['s2.enforcement.decisions'];
        }),
      ),
      example('缺少“科研机构”一列', () =>
        sample('2019', (r) => {
          removeCells(r, (id) => id.startsWith('s3.') && id.endsWith('.research'));
        }),
      ),
    ],
  },
};

export const s3OtherSingleRow: Rule = {
  id: 's3-other-single-row',
  severity: 'warning',
  title: '2021 格式报告的“（六）其他处理”分列三个子项',
  check: ({ report }) => {
    if (tableFormat(report) !== '2021' || !otherIsSingleRow(report)) return [];
    return [
      {
        message: '第三部分“（六）其他处理”只有一行，缺少 2021 格式的三个子项（逾期不补正、逾期未缴费、其他）',
        cells: tableCellIds('s3', '2021', 'single').filter((id) => id.startsWith('s3.other.')),
      },
    ];
  },
  examples: {
    pass: [example('三个子项齐全', () => sample('2021'))],
    fail: [example('沿用 2019 表格的单行“其他处理”', () => sample('2021', undefined, { other: 'single' }))],
  },
};
