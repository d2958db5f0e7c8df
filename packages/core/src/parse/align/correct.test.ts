import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateReport, seededRandom } from '../../model/generate.js';
import type { Report } from '../../model/schema.js';
import { renderHtml } from '../../render/html.js';
import { renderText } from '../../render/text.js';
import { checkReport } from '../../rules/index.js';
import { parseReport } from '../index.js';
import { withOneLeftOut } from './dp.js';

/*
 * Label readings that break the tables' sums (align/correct.ts): where another reading of the same
 * printed numbers satisfies them, it is taken (placement `sum`, finding corrected-by-sums); where
 * none does — the organ's own figures — the printed numbers stay, less sure, and the rules report.
 */

const read = (text: string) => parseReport(new TextEncoder().encode(text));

const SEED = 41;
const report2021 = (): Report => generateReport(seededRandom(SEED), { format: '2021' });

/** The index of the first of two neighbouring values of the row, both above zero, that run together. */
function pairAt(cells: readonly string[]): number {
  return cells.findIndex((cell, i) => i > 0 && Number(cell) > 0 && Number(cells[i + 1]) > 0 && /^\d+$/.test(cell));
}

/** The report's tab text with the line of the row starting with `label` changed. */
function tabText(report: Report, label: string, change: (cells: string[]) => string[]): string {
  return renderText(report, 'tab')
    .split('\n')
    .map((line) => (line.startsWith(label) ? change(line.split('\t')).join('\t') : line))
    .join('\n');
}

const NEW_ROW = '一、本年新收政府信息公开申请数量';

describe('a label reading the sums contradict', () => {
  it('takes the reading of the same numbers that satisfies the sums: two cells run together', async () => {
    const truth = report2021();
    expect(checkReport({ report: truth }).filter((f) => f.severity === 'error')).toEqual([]);
    // Two cells printed as one ("12", "3" as "123"): the labels read the row one column off.
    let joined = '';
    const text = tabText(truth, NEW_ROW, (cells) => {
      const at = pairAt(cells);
      joined = `${cells[at]}${cells[at + 1]}`;
      return [...cells.slice(0, at), joined, ...cells.slice(at + 2)];
    });
    const { report, findings, placements } = await read(text);
    const row = Object.keys(truth.cells).filter((id) => id.startsWith('s3.new.'));
    for (const id of row) expect(report.cells[id], id).toBe(truth.cells[id]);
    const changed = row.filter((id) => placements?.[id]?.placedBy === 'sum');
    expect(changed.length).toBeGreaterThan(0);
    for (const id of changed) expect(placements?.[id]?.confidence).toBeLessThan(0.9);
    const finding = findings.find((f) => f.rule === 'corrected-by-sums');
    expect(finding?.message).toContain('已按合计更正');
    expect(finding?.message).toContain(`${joined}→`);
    expect(finding?.cells).toEqual(changed);
    expect(checkReport({ report: { ...report, meta: { ...report.meta, year: 2021 } } as Report })).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ rule: 's3-row-total' })]),
    );
  });

  it('reads back a cell the row left out, by the row total and the column sums', async () => {
    const truth = report2021();
    // One value of 一、本年新收 left out: the labels read a row one short.
    const text = tabText(truth, NEW_ROW, (cells) => {
      const at = pairAt(cells) + 1;
      return [...cells.slice(0, at), ...cells.slice(at + 1)];
    });
    const { report, placements } = await read(text);
    const row = Object.keys(truth.cells).filter((key) => key.startsWith('s3.new.'));
    for (const id of row) expect(report.cells[id], id).toBe(truth.cells[id]);
    expect(row.some((id) => placements?.[id]?.placedBy === 'sum')).toBe(true);
  });

  it('takes it from a web page too, whose table the labels read whole', async () => {
    const truth = report2021();
    const [natural, business] = [truth.cells['s3.new.natural'], truth.cells['s3.new.business']];
    const pair = new RegExp(`(本年新收[^]*?<td[^>]*>${natural})</td>\\s*<td[^>]*>${business}</td>`);
    const html = renderHtml(truth).replace(pair, '$1</td>');
    expect(html).not.toEqual(renderHtml(truth));
    const { report, findings } = await read(html);
    expect(report.cells['s3.new.natural']).toBe(natural);
    expect(report.cells['s3.new.business']).toBe(business);
    expect(findings.some((f) => f.rule === 'corrected-by-sums')).toBe(true);
  });

  it("keeps the organ's own figures when no reading of them satisfies the sums", async () => {
    const truth = report2021();
    // The organ's (七)总计 is 3 short in 自然人 and 总计, as printed: every cell stands apart.
    const printed: Report = {
      ...truth,
      cells: {
        ...truth.cells,
        's3.total.natural': (truth.cells['s3.total.natural'] as number) - 3,
        's3.total.total': (truth.cells['s3.total.total'] as number) - 3,
      },
    };
    const { report, findings, placements } = await read(renderText(printed, 'tab'));
    expect(report.cells['s3.total.natural']).toBe(printed.cells['s3.total.natural']);
    expect(report.cells['s3.total.total']).toBe(printed.cells['s3.total.total']);
    expect(findings.some((f) => f.rule === 'corrected-by-sums')).toBe(false);
    expect(placements?.['s3.total.natural']).toMatchObject({ placedBy: 'label' });
    expect(placements?.['s3.total.natural']?.confidence).toBeLessThan(0.9);
    const rules = checkReport({ report: { ...report, meta: { ...report.meta, year: 2021 } } as Report });
    expect(rules.map((f) => f.rule)).toContain('s3-outcome-total');
  });

  it('keeps the figures of a real page whose (七)总计 the organ added up wrong', async () => {
    const file = new URL('../../../../../fixtures/real/pingtan-2020.html', import.meta.url);
    const { report, findings, placements } = await parseReport(readFileSync(file));
    // Rows (一)–(六) give 26 and 27; the organ printed 20 and 21 (fixtures/real/expected notes).
    expect(report.cells['s3.total.natural']).toBe(20);
    expect(report.cells['s3.total.total']).toBe(21);
    expect(findings.some((f) => f.rule === 'corrected-by-sums')).toBe(false);
    expect(placements?.['s3.total.natural']?.confidence).toBeLessThan(0.9);
    expect(placements?.['s3.granted.natural']?.confidence).toBeLessThan(0.9);
  });
});

describe('a row printed one cell short', () => {
  it('is read with the cell put back wherever the sums then hold, each place once', () => {
    // 12, 0, 0, 0, 0, 15: a 3 left out could stand in any applicant column, or 15 be a cell and the total 27.
    expect(withOneLeftOut([12, 0, 0, 0, 0, 15], 7)).toEqual([
      [3, 12, 0, 0, 0, 0, 15],
      [12, 3, 0, 0, 0, 0, 15],
      [12, 0, 3, 0, 0, 0, 15],
      [12, 0, 0, 3, 0, 0, 15],
      [12, 0, 0, 0, 3, 0, 15],
      [12, 0, 0, 0, 0, 3, 15],
      [12, 0, 0, 0, 0, 15, 27],
    ]);
    // A row of zeros short of one zero has one reading; a left-out total is the sum of the parts.
    expect(withOneLeftOut([0, 0, 0, 0, 0, 0], 7)).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
    expect(withOneLeftOut([1, 2, 0, 0, 0, 0], 7)).toContainEqual([1, 2, 0, 0, 0, 0, 3]);
    // Section 四's groups must all hold: a value put back in one group cannot mend another.
    expect(withOneLeftOut([1, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0], 5)).toEqual([]);
  });
});
