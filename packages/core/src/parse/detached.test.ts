import { describe, expect, it } from 'vitest';
import { parseReport } from '../index.js';

/** Section 二 of a 2021 report as a PDF's text gives it column by column: the labels, then the values. */
const S2_LABELS = ['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费'];
const S2_VALUES = ['1\t0\t12', '4\t2\t37', '58', '203', '6', '12.5'];

function page(labels: readonly string[], values: readonly string[]): Uint8Array {
  const lines = [
    '某县市场监督管理局2023年政府信息公开工作年度报告',
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '信息内容',
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    ...labels,
    ...values,
    '三、收到和处理政府信息公开申请情况',
  ];
  return new TextEncoder().encode(lines.join('\n'));
}

describe('tables printed apart from their labels', () => {
  it('puts each label back with its row of values when both are as many', async () => {
    const { report } = await parseReport(page(S2_LABELS, S2_VALUES), { file: 'columns.txt' });
    expect(report.cells).toMatchObject({
      's2.regulations.issued': 1,
      's2.regulations.inForce': 12,
      's2.normativeDocs.repealed': 2,
      's2.normativeDocs.inForce': 37,
      's2.licensing.decisions': 58,
      's2.penalty.decisions': 203,
      's2.enforcement.decisions': 6,
      's2.fees.amount': 12.5,
    });
  });

  it('reads no label’s values from a block it cannot pair, and says which rows are open', async () => {
    // One label lost: six rows of values under five labels. The nearest values are another row's.
    const { report, findings } = await parseReport(page(S2_LABELS.slice(1), S2_VALUES), { file: 'columns.txt' });
    expect(report.cells['s2.normativeDocs.issued'] ?? null).toBeNull();
    // The last label stands right above the first row of values, which is 规章's.
    expect(report.cells['s2.fees.amount'] ?? null).toBeNull();
    expect(findings.some((f) => f.rule === 'row-incomplete' && f.cells.includes('s2.normativeDocs.issued'))).toBe(true);
  });
});
