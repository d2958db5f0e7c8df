import { S3_COLUMNS } from '../model/cells.js';
import { example, sample } from './examples.js';
import { cell, formatNumber, tableFormat } from './helpers.js';
import type { Rule } from './types.js';
import { interned } from '../model/interned.js';

/** Per column, the cells of 一, 二, 三（七） and 四, built once. */
const BALANCE_IDS = S3_COLUMNS.map((column) =>
  ['new', 'carriedIn', 'total', 'carriedOut'].map((row) => interned(`s3.${row}.${column.key}`)),
);

export const s3Balance: Rule = {
  id: 's3-balance',
  severity: 'error',
  title: '第三部分各列：第一项加第二项之和等于第三项（七）总计加第四项之和（表内勾稽关系）',
  check: ({ report }) => {
    if (!tableFormat(report)) return [];
    return S3_COLUMNS.flatMap((column, c) => {
      const ids = BALANCE_IDS[c] as readonly string[];
      const [fresh, carriedIn, handled, carriedOut] = ids.map((id) => cell(report, id));
      if (typeof fresh !== 'number' || typeof carriedIn !== 'number') return [];
      if (typeof handled !== 'number' || typeof carriedOut !== 'number') return [];
      if (fresh + carriedIn === handled + carriedOut) return [];
      return [
        {
          message: `第三部分“${column.label}”列：本年新收 ${formatNumber(fresh)} + 上年结转 ${formatNumber(carriedIn)} = ${formatNumber(fresh + carriedIn)}，但办理结果总计 ${formatNumber(handled)} + 结转下年度 ${formatNumber(carriedOut)} = ${formatNumber(handled + carriedOut)}`,
          cells: [...ids],
        },
      ];
    });
  },
  examples: {
    pass: [example('收支平衡', () => sample('2021'))],
    fail: [
      example('结转下年度漏填', () =>
        sample('2021', (r) => {
          r.cells['s3.carriedOut.natural'] = (r.cells['s3.carriedOut.natural'] ?? 0) + 2;
          r.cells['s3.carriedOut.total'] = (r.cells['s3.carriedOut.total'] ?? 0) + 2;
        }),
      ),
    ],
  },
};
