import { example, sample } from './examples.js';
import { checkSum, formatNumber, otherLayout, s3RowSums, sumExpression, tableFormat } from './helpers.js';
import type { Rule } from './types.js';

export const s3RowTotal: Rule = {
  id: 's3-row-total',
  severity: 'error',
  title: '第三部分每一行的“总计”等于自然人与五类法人或其他组织之和',
  check: ({ report }) => {
    const format = tableFormat(report);
    if (!format) return [];
    return s3RowSums(format, otherLayout(report, format)).flatMap(({ totalId, partIds, label }) => {
      const mismatch = checkSum(report, totalId, partIds);
      if (!mismatch) return [];
      return [
        {
          message: `第三部分“${label}”一行：总计为 ${formatNumber(mismatch.actual)}，但各类申请人之和为 ${formatNumber(mismatch.expected)}（${sumExpression(mismatch.parts)}）`,
          cells: [totalId, ...partIds],
        },
      ];
    });
  },
  examples: {
    pass: [
      example('各行总计与分项相符（2021 格式）', () => sample('2021')),
      example('（六）其他处理为单行的 2021 格式报告', () => sample('2021', undefined, { other: 'single' })),
    ],
    fail: [
      example('本年新收申请的总计少算一件', () =>
        sample('2021', (r) => {
          r.cells['s3.new.natural'] = (r.cells['s3.new.natural'] ?? 0) + 1;
        }),
      ),
      example('2019 格式中“不予公开·属于国家秘密”总计多出 2', () =>
        sample('2019', (r) => {
          r.cells['s3.denied.secret.total'] = (r.cells['s3.denied.secret.total'] ?? 0) + 2;
        }),
      ),
    ],
  },
};
