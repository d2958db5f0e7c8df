import { CELLS, type CellKind } from '../model/cells.js';
import { cellIdsOf, numbersToJudge } from './cell-walk.js';
import { example, sample } from './examples.js';
import { cellName, formatNumber } from './helpers.js';
import type { Rule, RuleFinding } from './types.js';

/** Calls `visit` for every number cell the report holds that a value rule may find fault with, with its kind. */
function forEachNumber(
  cells: Record<string, number | null | undefined>,
  visit: (id: string, value: number, kind: CellKind) => void,
): void {
  for (const { id, value, kind } of numbersToJudge(cells)) visit(id, value, kind);
}

export const countInteger: Rule = {
  id: 'count-integer',
  severity: 'error',
  title: '件数是非负整数（“本年增/减”可为负整数）',
  check: ({ report }) => {
    const findings: RuleFinding[] = [];
    forEachNumber(report.cells, (id, value, kind) => {
      if (kind === 'money') return;
      if (!Number.isInteger(value)) {
        findings.push({ message: `“${cellName(id)}”应为整数，报告填写为 ${formatNumber(value)}`, cells: [id] });
      } else if (kind === 'count' && value < 0) {
        findings.push({ message: `“${cellName(id)}”不能为负数，报告填写为 ${formatNumber(value)}`, cells: [id] });
      }
    });
    return findings;
  },
  examples: {
    pass: [
      example('本年增/减为负数', () =>
        sample('2019', (r) => {
          r.cells['s2.penalty.change'] = -2;
        }),
      ),
    ],
    fail: [
      example('申请数为负数', () =>
        sample('2021', (r) => {
          r.cells['s3.carriedIn.natural'] = -1;
        }),
      ),
      example('处理决定数量带小数', () =>
        sample('2021', (r) => {
          r.cells['s2.licensing.decisions'] = 12.5;
        }),
      ),
    ],
  },
};

export const moneyNonNegative: Rule = {
  id: 'money-non-negative',
  severity: 'error',
  title: '金额（万元）不能为负数',
  check: ({ report }) => {
    const findings: RuleFinding[] = [];
    forEachNumber(report.cells, (id, value, kind) => {
      if (kind === 'money' && value < 0) {
        findings.push({ message: `“${cellName(id)}”不能为负数，报告填写为 ${formatNumber(value)} 万元`, cells: [id] });
      }
    });
    return findings;
  },
  examples: {
    pass: [example('收费金额为小数', () => sample('2021', (r) => void (r.cells['s2.fees.amount'] = 102.85)))],
    fail: [example('收费金额为负数', () => sample('2021', (r) => void (r.cells['s2.fees.amount'] = -3)))],
  },
};

/** 100 亿元: an amount in 万元 above this is almost surely a figure in 元 written in the wrong unit. */
const PLAUSIBLE_MONEY_LIMIT = 1_000_000;

export const moneyInYuan: Rule = {
  id: 'money-in-yuan',
  severity: 'warning',
  title: '以万元为单位的金额不应明显是以元填写的',
  check: ({ report }) => {
    const findings: RuleFinding[] = [];
    forEachNumber(report.cells, (id, value, kind) => {
      if (kind === 'money' && value >= PLAUSIBLE_MONEY_LIMIT) {
        findings.push({
          message: `“${cellName(id)}”为 ${formatNumber(value)} 万元（即 ${formatNumber(value / 10000)} 亿元），疑似按“元”填写；表格要求以万元为单位`,
          cells: [id],
        });
      }
    });
    return findings;
  },
  examples: {
    pass: [
      example('采购金额 102.85 万元', () => sample('2019', (r) => void (r.cells['s2.procurement.amount'] = 102.85))),
    ],
    fail: [
      example('县级采购金额 1035000', () => sample('2019', (r) => void (r.cells['s2.procurement.amount'] = 1035000))),
    ],
  },
};

export const cellBlank: Rule = {
  id: 'cell-blank',
  severity: 'warning',
  title: '法定表格的单元格不应留空（无数据应填 0）',
  check: ({ report }) => {
    const findings: RuleFinding[] = [];
    for (const id of cellIdsOf(report.cells)) {
      if (report.cells[id] === null && CELLS.has(id)) {
        findings.push({ message: `“${cellName(id)}”留空或无法读取，应填写数值（没有则填 0）`, cells: [id] });
      }
    }
    return findings;
  },
  examples: {
    pass: [example('全部填写', () => sample('2021'))],
    fail: [example('处罚决定数留空', () => sample('2021', (r) => void (r.cells['s2.penalty.decisions'] = null)))],
  },
};
