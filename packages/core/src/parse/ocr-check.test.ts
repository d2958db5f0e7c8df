import { describe, expect, it } from 'vitest';
import { generateReport } from '../model/generate.js';
import { S4_GROUPS, S4_PARTS, type ReportFormat } from '../model/cells.js';
import type { Report } from '../model/schema.js';
import { seededRandom } from '../model/random.js';
import { layoutGrid, layoutTables } from '../layout/tables.js';
import { parseReport } from './index.js';
import type { OcrBox, OcrPage, OcrRule } from './ocr-types.js';

/*
 * What a scan's sums and grid decide of figures OCR missed or misread (ocr-check.ts): a report's
 * tables laid out as a recogniser hands them over — a box of text per cell, the ruling lines — with
 * boxes dropped or misread, and read through parseReport's OCR hook.
 */

/** The smallest PDF with one empty page: no text layer, so parseReport asks the OCR hook. */
const EMPTY_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** How a cell's figure is seen: as printed, as other text (with the recogniser's confidence), or not at all (undefined). */
type Spoil = Readonly<Record<string, string | undefined | { readonly text: string; readonly confidence: number }>>;

const ROW = 20;
const TOP = 100;

/** One statutory table as OCR sees it on a page of its own: a box per filled cell, every cell's borders. */
function tablePage(report: Report, index: number, spoil: Spoil, lines: readonly string[]): OcrPage {
  const format = report.meta.format as ReportFormat;
  const other = Object.keys(report.cells).some((id) => id.startsWith('s3.other.')) ? 'subRows' : 'single';
  const table = layoutTables(format, other)[index];
  if (!table) throw new Error('no such table');
  const sum = table.widths.reduce((a, b) => a + b, 0);
  const xs = table.widths.reduce<number[]>((at, w) => [...at, (at.at(-1) as number) + (w / sum) * 480], [60]);
  const boxes: OcrBox[] = lines.map((text, i) => ({
    text,
    x0: 60,
    x1: 60 + 12 * text.length,
    y0: 40 + 20 * i,
    y1: 52 + 20 * i,
    confidence: 0.99,
  }));
  const horizontal: OcrRule[] = [];
  const vertical: OcrRule[] = [];
  layoutGrid(table).forEach((row, r) =>
    row.forEach((slot, c) => {
      if (slot.kind !== 'origin') return;
      const { cell } = slot;
      const [x0, x1] = [xs[c] as number, xs[c + (cell.colSpan ?? 1)] as number];
      const [y0, y1] = [TOP + r * ROW, TOP + (r + (cell.rowSpan ?? 1)) * ROW];
      horizontal.push({ at: y0, from: x0, to: x1 }, { at: y1, from: x0, to: x1 });
      vertical.push({ at: x0, from: y0, to: y1 }, { at: x1, from: y0, to: y1 });
      const id = cell.cellId;
      const seen = id === undefined ? (cell.text ?? '') : id in spoil ? spoil[id] : String(report.cells[id]);
      const [text, confidence] = typeof seen === 'object' ? [seen.text, seen.confidence] : [seen, 0.95];
      if (!text) return;
      const middle = (x0 + x1) / 2;
      const half = Math.min(4 * text.length, (x1 - x0) / 2 - 1);
      boxes.push({ text, x0: middle - half, x1: middle + half, y0: y0 + 4, y1: y0 + 16, confidence });
    }),
  );
  return { width: 595, height: 842, boxes, rules: { horizontal, vertical } };
}

/** The report's three tables as OCR pages, figures spoiled as `spoil` says. */
function scanPages(report: Report, spoil: Spoil = {}): OcrPage[] {
  const title = `${report.meta.agency}${report.meta.year}年政府信息公开工作年度报告`;
  return [
    tablePage(report, 0, spoil, [title, '二、主动公开政府信息情况']),
    tablePage(report, 1, spoil, ['三、收到和处理政府信息公开申请情况']),
    tablePage(report, 2, spoil, ['四、政府信息公开行政复议、行政诉讼情况']),
  ];
}

const read = (pages: OcrPage[]) => parseReport(EMPTY_PDF, { ocr: () => Promise.resolve(pages) });

/** A report whose section 四 has no zero (a figure in its place shows where a value landed). */
function reportOf(format: ReportFormat, seed = 7): Report {
  const report = generateReport(seededRandom(seed), { format });
  const cells: Report['cells'] = { ...report.cells };
  S4_GROUPS.forEach((group, g) => {
    const parts = S4_PARTS.map((part, i) => [part.key, 1 + g + 3 * i] as const);
    for (const [part, value] of parts) cells[`s4.${group.key}.${part}`] = value;
    cells[`s4.${group.key}.total`] = parts.reduce((sum, [, value]) => sum + value, 0);
  });
  return { ...report, cells };
}

describe('a scan’s figures checked by its grid and its sums', () => {
  it('reads a whole scan as printed, and changes nothing', async () => {
    const report = reportOf('2021');
    const parsed = await read(scanPages(report));
    expect(parsed.report.cells).toEqual(report.cells);
    expect(parsed.findings.map((f) => f.rule)).not.toContain('value-from-sums');
  });

  it('places section 四 by its grid columns: a figure not seen leaves its own cell open, never moves the others', async () => {
    const figures = reportOf('2019');
    // 行政诉讼·未经复议直接起诉·结果维持, the sixth of the fifteen, is 0.
    const suit = figures.cells['s4.suit.upheld'] as number;
    const cells: Report['cells'] = {
      ...figures.cells,
      's4.suit.upheld': 0,
      's4.suit.total': (figures.cells['s4.suit.total'] as number) - suit,
    };
    const report: Report = { ...figures, cells };
    // Its "0" unseen, a speck read as a word in its place; two of 复议后起诉 unseen.
    const spoil = { 's4.suit.upheld': '一', 's4.suitAfterReview.corrected': undefined, 's4.suitAfterReview.other': '' };
    const parsed = await read(scanPages(report, spoil));
    for (const id of Object.keys(report.cells).filter((key) => key.startsWith('s4.'))) {
      if (id === 's4.suitAfterReview.corrected' || id === 's4.suitAfterReview.other') continue;
      expect(parsed.report.cells[id], id).toBe(report.cells[id]);
    }
    // Two open in one group: the total cannot tell them apart.
    expect(parsed.report.cells['s4.suitAfterReview.corrected']).toBeNull();
    expect(parsed.report.cells['s4.suitAfterReview.other']).toBeNull();
    // The one open in its group is what the group's total leaves, placed by the sum.
    expect(parsed.placements?.['s4.suit.upheld']?.placedBy).toBe('sum');
    const unread = parsed.findings.find((f) => f.rule === 'cell-unreadable');
    expect(unread?.cells).toEqual(['s4.suit.upheld']);
    expect(unread?.message).toContain('“一”');
    expect(parsed.findings.find((f) => f.rule === 'value-from-sums')?.cells).toEqual(['s4.suit.upheld']);
    expect(parsed.findings.map((f) => f.rule)).not.toContain('row-incomplete');
  });

  it('gives a section 四 group whose read parts break its total as unsure', async () => {
    const report = reportOf('2021');
    const parsed = await read(scanPages(report, { 's4.review.other': '8' }));
    expect(parsed.report.cells['s4.review.other']).toBe(8);
    expect(parsed.placements?.['s4.review.total']?.confidence).toBeLessThanOrEqual(0.5);
    expect(parsed.placements?.['s4.suit.total']).toBeUndefined();
    expect(parsed.findings.map((f) => f.rule)).toContain('s4-group-total');
  });

  it('takes a figure in a sum read unsurely (a seal over it) for no reading: the sum puts it back, or it stays open', async () => {
    const report = reportOf('2021');
    const other = report.cells['s4.suitAfterReview.other'] as number;
    // A seal's strokes over the figure: "180" at 0.34, where print reads at 0.95.
    const alone = await read(scanPages(report, { 's4.suitAfterReview.other': { text: '180', confidence: 0.34 } }));
    expect(alone.report.cells['s4.suitAfterReview.other']).toBe(other);
    expect(alone.placements?.['s4.suitAfterReview.other']).toEqual({ confidence: 0.8, placedBy: 'sum' });
    const corrected = alone.findings.find((f) => f.rule === 'corrected-by-sums');
    expect(corrected?.cells).toEqual(['s4.suitAfterReview.other']);
    expect(corrected?.message).toContain('识别把握只有 34%');
    // With another figure of its group unseen, the total cannot tell the two apart: both open, both named.
    const spoil = { 's4.suitAfterReview.other': { text: '180', confidence: 0.34 }, 's4.suitAfterReview.upheld': '临' };
    const two = await read(scanPages(report, spoil));
    expect(two.report.cells['s4.suitAfterReview.other']).toBeNull();
    expect(two.report.cells['s4.suitAfterReview.upheld']).toBeNull();
    const named = two.findings.filter((f) => f.rule === 'cell-unreadable').flatMap((f) => f.cells);
    expect(named).toEqual(expect.arrayContaining(['s4.suitAfterReview.other', 's4.suitAfterReview.upheld']));
    expect(two.report.cells['s4.suitAfterReview.total']).toBe(report.cells['s4.suitAfterReview.total']);
    // Read surely, the figure stands; with parts already over the total, the group's figures are given as unsure.
    const over = await read(scanPages(report, { ...spoil, 's4.suitAfterReview.other': '180' }));
    expect(over.report.cells['s4.suitAfterReview.other']).toBe(180);
    expect(over.placements?.['s4.suitAfterReview.other']?.confidence).toBeLessThanOrEqual(0.5);
    expect(over.placements?.['s4.suitAfterReview.total']?.confidence).toBeLessThanOrEqual(0.5);
    const broken = over.findings.find((f) => f.rule === 's4-group-total');
    expect(broken?.message).toContain('已超过总计');
    expect(broken?.cells).toContain('s4.suitAfterReview.other');
    // A figure read as unsurely that its sum confirms stands.
    const confirmed = await read(
      scanPages(report, { 's4.review.other': { text: String(report.cells['s4.review.other']), confidence: 0.34 } }),
    );
    expect(confirmed.report.cells).toEqual(report.cells);
    expect(confirmed.findings.map((f) => f.rule)).not.toContain('cell-unreadable');
  });

  it('gives an amount read as a whole number of three digits, its point perhaps lost, as unsure', async () => {
    const report = reportOf('2021');
    const parsed = await read(scanPages(report, { 's2.fees.amount': '19801' }));
    expect(parsed.report.cells['s2.fees.amount']).toBe(19801);
    expect(parsed.placements?.['s2.fees.amount']?.confidence).toBeLessThanOrEqual(0.5);
    const finding = parsed.findings.find((f) => f.rule === 'cell-unsure');
    expect(finding?.cells).toEqual(['s2.fees.amount']);
    expect(finding?.message).toContain('19801');
    // Read with its point, or small, the amount stands as read.
    const plain = await read(scanPages(report, { 's2.fees.amount': '198.01' }));
    expect(plain.report.cells['s2.fees.amount']).toBe(198.01);
    expect(plain.findings.map((f) => f.rule)).not.toContain('cell-unsure');
  });

  it('gives 本年增/减 read as a positive figure, its minus perhaps lost, as unsure', async () => {
    const report = reportOf('2019');
    const unsure = (parsed: Awaited<ReturnType<typeof read>>) =>
      parsed.findings.filter((f) => f.rule === 'cell-unsure').flatMap((f) => f.cells);
    const lost = await read(scanPages(report, { 's2.penalty.change': '3' }));
    expect(lost.report.cells['s2.penalty.change']).toBe(3);
    expect(lost.placements?.['s2.penalty.change']?.confidence).toBeLessThanOrEqual(0.5);
    expect(unsure(lost)).toContain('s2.penalty.change');
    expect(lost.findings.find((f) => f.cells.includes('s2.penalty.change'))?.message).toContain('负号可能未被识别');
    // Read with its minus, or as 0, the figure stands.
    for (const text of ['-3', '0']) {
      const signed = await read(scanPages(report, { 's2.penalty.change': text }));
      expect(signed.report.cells['s2.penalty.change']).toBe(Number(text));
      expect(unsure(signed)).not.toContain('s2.penalty.change');
    }
  });

  it('fills a section 三 cell OCR did not see from the one sum whose other cells were all read', async () => {
    const report = reportOf('2021');
    const zero = Object.keys(report.cells).find(
      (id) => /^s3\.(?!total|new|carried)/.test(id) && report.cells[id] === 0,
    );
    if (!zero) throw new Error('the seed has no zero in section 三');
    const parsed = await read(scanPages(report, { [zero]: undefined }));
    expect(parsed.report.cells[zero]).toBe(0);
    expect(parsed.placements?.[zero]).toEqual({ confidence: 0.8, placedBy: 'sum' });
    const finding = parsed.findings.find((f) => f.rule === 'value-from-sums');
    expect(finding?.cells).toEqual([zero]);
    expect(finding?.message).toContain('依据合计定为 0');
  });

  it('leaves open the cells of section 三 no sum decides alone', async () => {
    const report = reportOf('2021');
    // Four corners of a rectangle: each row and each column holds two of them.
    const corners = ['s3.granted.natural', 's3.granted.business', 's3.partial.natural', 's3.partial.business'];
    const parsed = await read(scanPages(report, Object.fromEntries(corners.map((id) => [id, undefined]))));
    for (const id of corners) expect(parsed.report.cells[id], id).toBeNull();
    expect(parsed.findings.map((f) => f.rule)).not.toContain('value-from-sums');
  });

  it('opens a figure its kind forbids, and puts back the one its sums give', async () => {
    const report = reportOf('2019');
    const natural = report.cells['s3.new.natural'] as number;
    // A speck read as a minus sign: a count below nought; one read as a point: a change with decimals.
    const parsed = await read(scanPages(report, { 's3.new.natural': `-${natural}`, 's2.licensing.change': '1.5' }));
    expect(parsed.report.cells['s3.new.natural']).toBe(natural);
    expect(parsed.placements?.['s3.new.natural']?.placedBy).toBe('sum');
    expect(parsed.findings.find((f) => f.rule === 'corrected-by-sums')?.message).toContain(`-${natural}→${natural}`);
    // No sum holds 本年增/减: the figure read cannot stand, and nothing tells the right one.
    expect(parsed.report.cells['s2.licensing.change']).toBeNull();
    const unread = parsed.findings.find((f) => f.rule === 'cell-unreadable');
    expect(unread?.cells).toEqual(['s2.licensing.change']);
    expect(unread?.message).toContain('件数应为整数');
  });

  it('takes a figure every sum on it contradicts alike for misread, and no figure when two may be', async () => {
    const report = reportOf('2021');
    const total = report.cells['s3.total.total'] as number;
    // A leading digit lost: the row, the column and the balance all ask the printed total.
    const lost = await read(scanPages(report, { 's3.total.total': String(total).slice(1) || '7' }));
    expect(lost.report.cells['s3.total.total']).toBe(total);
    expect(lost.findings.find((f) => f.rule === 'corrected-by-sums')?.cells).toEqual(['s3.total.total']);
    // A figure the sums contradict by more than a character lost or added may be the organ's own slip: open.
    const other = String(total).replace(/\d$/, (d) => String((Number(d) + 5) % 10));
    const slip = await read(scanPages(report, { 's3.total.total': other }));
    expect(slip.report.cells['s3.total.total']).toBeNull();
    const unread = slip.findings.find((f) => f.rule === 'cell-unreadable');
    expect(unread?.cells).toEqual(['s3.total.total']);
    expect(unread?.message).toContain(`合计要求 ${total}`);
    // Two figures of one row misread: the sums on each ask different values, so neither is changed.
    const natural = report.cells['s3.new.natural'] as number;
    const business = report.cells['s3.new.business'] as number;
    const two = await read(
      scanPages(report, { 's3.new.natural': `${natural + 10}`, 's3.new.business': `${business + 10}` }),
    );
    expect(two.report.cells['s3.new.natural']).toBe(natural + 10);
    expect(two.report.cells['s3.new.business']).toBe(business + 10);
    expect(two.findings.map((f) => f.rule)).not.toContain('corrected-by-sums');
  });
});
