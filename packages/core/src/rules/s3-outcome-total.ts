import { S3_COLUMNS } from '../model/cells.js';
import { example, sample } from './examples.js';
import { checkSum, formatNumber, otherLayout, s3ColumnSums, sumExpression, tableFormat } from './helpers.js';
import type { Rule } from './types.js';

export const s3OutcomeTotal: Rule = {
  id: 's3-outcome-total',
  severity: 'error',
  title: '第三部分“（七）总计”等于（一）至（六）各项办理结果之和（各列分别计算）',
  check: ({ report }) => {
    const format = tableFormat(report);
    if (!format) return [];
    return s3ColumnSums(format, otherLayout(report, format)).flatMap(({ totalId, partIds, label }) => {
      const mismatch = checkSum(report, totalId, partIds);
      if (!mismatch) return [];
      return [
        {
          message: `第三部分“${label}”列：（七）总计为 ${formatNumber(mismatch.actual)}，但（一）至（六）各项之和为 ${formatNumber(mismatch.expected)}（${sumExpression(mismatch.parts)}）`,
          cells: [totalId, ...partIds],
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
