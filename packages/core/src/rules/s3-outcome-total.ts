import { S3_COLUMNS, S3_OUTCOME_GROUPS, outcomeRowKeys } from '../model/cells.js';
import { example, sample } from './examples.js';
import { checkSum, formatNumber, otherIsSingleRow, sumExpression, tableFormat } from './helpers.js';
import type { Rule } from './types.js';

export const s3OutcomeTotal: Rule = {
  id: 's3-outcome-total',
  severity: 'error',
  title: '第三部分“（七）总计”等于（一）至（六）各项办理结果之和（各列分别计算）',
  check: ({ report }) => {
    const format = tableFormat(report);
    if (!format) return [];
    const other = otherIsSingleRow(report) ? 'single' : 'subRows';
    const rows = S3_OUTCOME_GROUPS.flatMap((group) => outcomeRowKeys(group, format, other));
    return S3_COLUMNS.flatMap((column) => {
      const totalId = `s3.total.${column.key}`;
      const parts = rows.map((row) => `s3.${row}.${column.key}`);
      const mismatch = checkSum(report, totalId, parts);
      if (!mismatch) return [];
      return [
        {
          message: `第三部分“${column.label}”列：（七）总计为 ${formatNumber(mismatch.actual)}，但（一）至（六）各项之和为 ${formatNumber(mismatch.expected)}（${sumExpression(mismatch.parts)}）`,
          cells: [totalId, ...parts],
        },
      ];
    });
  },
  examples: {
    pass: [example('办理结果合计正确', () => sample('2021')), example('2019 格式合计正确', () => sample('2019'))],
    fail: [
      example('“部分公开”多填 1 件而总计未变', () =>
        sample('2021', (r) => {
          r.cells['s3.partial.business'] = (r.cells['s3.partial.business'] ?? 0) + 1;
          r.cells['s3.partial.total'] = (r.cells['s3.partial.total'] ?? 0) + 1;
        }),
      ),
      example('总计留为 0', () =>
        sample('2019', (r) => {
          r.cells['s3.granted.natural'] = (r.cells['s3.granted.natural'] ?? 0) + 3;
          r.cells['s3.granted.total'] = (r.cells['s3.granted.total'] ?? 0) + 3;
          for (const column of S3_COLUMNS) r.cells[`s3.total.${column.key}`] = 0;
        }),
      ),
    ],
  },
};
