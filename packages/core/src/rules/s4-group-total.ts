import { S4_GROUPS, S4_PARTS } from '../model/cells.js';
import { example, sample } from './examples.js';
import { checkSum, formatNumber, sumExpression } from './helpers.js';
import type { Rule } from './types.js';
import { interned } from '../model/interned.js';

/** Per group, its total cell and the cells that add up to it, built once. */
const GROUP_IDS = S4_GROUPS.map((group) => ({
  totalId: interned(`s4.${group.key}.total`),
  parts: S4_PARTS.map((part) => interned(`s4.${group.key}.${part.key}`)),
}));

export const s4GroupTotal: Rule = {
  id: 's4-group-total',
  severity: 'error',
  title: '第四部分行政复议、行政诉讼各组的“总计”等于结果维持、结果纠正、其他结果、尚未审结之和',
  check: ({ report }) =>
    S4_GROUPS.flatMap((group, g) => {
      const { totalId, parts } = GROUP_IDS[g] as (typeof GROUP_IDS)[number];
      const mismatch = checkSum(report, totalId, parts);
      if (!mismatch) return [];
      return [
        {
          message: `第四部分“${group.label}”：总计为 ${formatNumber(mismatch.actual)}，但维持、纠正、其他、尚未审结之和为 ${formatNumber(mismatch.expected)}（${sumExpression(mismatch.parts)}）`,
          cells: [totalId, ...parts],
        },
      ];
    }),
  examples: {
    pass: [example('各组合计正确', () => sample('2021'))],
    fail: [
      example('复议后起诉的总计为 0', () =>
        sample('2021', (r) => {
          r.cells['s4.suitAfterReview.pending'] = 1;
          r.cells['s4.suitAfterReview.total'] = 0;
        }),
      ),
    ],
  },
};
