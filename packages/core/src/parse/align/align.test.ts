import { describe, expect, it } from 'vitest';
import { readDocument } from '../read.js';
import { rowSplits } from './dp.js';
import { HIGH_CONFIDENCE } from './score.js';
import { plausibleSplits } from './plausible.js';
import { proseValues } from './prose.js';
import { runPieces, splitRun } from './split.js';
import { streamCandidates } from './stream.js';
import { TEMPLATES, type TemplateRow } from './template.js';

const s3Row = (raw: string): number[][] =>
  splitRun({ pieces: runPieces(raw) }, 7, { maxDigits: 7, limit: 32, groupWidth: 7 });

describe('digit runs', () => {
  it('splits a row of section 三 by its total, the spaces left being boundaries for sure', () => {
    expect(s3Row('713000074')).toEqual([[71, 3, 0, 0, 0, 0, 74]]);
    expect(s3Row('200 000121')).toEqual([[20, 0, 0, 0, 0, 1, 21]]);
    expect(s3Row('21710000218')).toEqual([[217, 1, 0, 0, 0, 0, 218]]);
    // 1,1,0,0,0,0,2 and 11,0,0,0,0,0,… : only the first sums.
    expect(s3Row('1100002')).toEqual([[1, 1, 0, 0, 0, 0, 2]]);
  });

  it('gives every reading when the total leaves several', () => {
    const readings = s3Row('202000022');
    expect(readings).toContainEqual([20, 2, 0, 0, 0, 0, 22]);
    expect(readings).toContainEqual([2, 0, 20, 0, 0, 0, 22]);
  });

  it('keeps a minus sign and a decimal part inside their cells', () => {
    expect(runPieces('2648-18538')).toEqual(['2648', '-18538']);
    const readings = splitRun({ pieces: runPieces('39573802895.90') }, 2, { maxDigits: 12, limit: 32 });
    expect(readings).toContainEqual([395, 73802895.9]);
    expect(readings.every((reading) => reading[1] !== undefined && reading[1] % 1 !== 0)).toBe(true);
  });

  it('lets a minus start only 本年增/减, the one cell of section 二 that may be negative', () => {
    const row = TEMPLATES[1]?.rows.find((r) => r.ids[0] === 's2.penalty.prevItems');
    expect(row).toBeDefined();
    const { splits } = rowSplits(row as TemplateRow, { pieces: runPieces('2648-18538') });
    expect(splits).toContainEqual([2648, -18, 538]);
    expect(splits.every((split) => split[0] === 2648 && (split[2] as number) >= 0)).toBe(true);
  });

  it('gives the numbering stuck to a run back to the label after it', () => {
    const candidates = streamCandidates([
      { grid: false, cells: [{ text: '1.属于国家秘密40000042.其他法律行政法规禁止公开0000000', at: { line: 3 } }] },
    ]);
    expect(candidates.map((candidate) => candidate.raw)).toEqual(['4000004', '0000000']);
    expect(candidates[1]?.before).toBe('2.其他法律行政法规禁止公开');
    expect(candidates[0]?.source.line).toBe(3);
  });
});

describe('prose values', () => {
  it('reads what the prose states of section 二, and nothing it states twice differently', () => {
    expect(proseValues('集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。')).toEqual(
      new Map([
        ['s2.normativeDocs.issued', 88],
        ['s2.normativeDocs.inForce', 698],
      ]),
    );
    expect(proseValues('制发规范性文件3件。另制发规范性文件4件。').size).toBe(0);
  });

  it('reads the figures a sentence lists after naming the documents, and no other year', () => {
    expect(proseValues('本年制发规范性文件3件，废止1件，现行有效件数644件。')).toEqual(
      new Map([
        ['s2.normativeDocs.issued', 3],
        ['s2.normativeDocs.repealed', 1],
        ['s2.normativeDocs.inForce', 644],
      ]),
    );
    expect(proseValues('上年制发规范性文件5件，废止2件。')).toEqual(new Map());
  });
});

describe('plausible readings of a section 二 row', () => {
  it('keeps the readings a register row almost always fits, and tells nothing when all or none fit', () => {
    const columns = ['issued', 'repealed', 'inForce'];
    // 5312: 5/3/12, 5/31/2, 53/1/2; only the first has no fewer in force than issued.
    expect(
      plausibleSplits(columns, [
        [5, 3, 12],
        [5, 31, 2],
        [53, 1, 2],
      ])?.splits,
    ).toEqual([[5, 3, 12]]);
    expect(
      plausibleSplits(columns, [
        [1, 2, 3],
        [1, 23, 4],
      ]),
    ).toBeUndefined();
    expect(
      plausibleSplits(
        ['prevItems', 'change', 'decisions'],
        [
          [0, -3, 5],
          [3, -3, 5],
        ],
      )?.splits,
    ).toEqual([[3, -3, 5]]);
    expect(
      plausibleSplits(
        ['items', 'amount'],
        [
          [1, 2.5],
          [12, 0.5],
        ],
      ),
    ).toBeUndefined();
  });
});

describe('reading a crawler text', () => {
  const line = (text: string, n: number) => ({ kind: 'line' as const, text, at: { line: n } });
  /** A crawler's text of a 2021 report whose 规范性文件 row is `normativeDocs` (the rest fixed). */
  const readCrawler = (normativeDocs: string) =>
    readDocument({
      source: 'text',
      nodes: [
        line('某县民政局2021年度政府信息公开工作年度报告', 1),
        line(
          `二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件${normativeDocs}` +
            '第二十条第（五）项信息内容本年处理决定数量行政许可2293第二十条第（六）项信息内容本年处理决定数量行政处罚1282行政强制42' +
            '第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费24.5三、收到和处理政府信息公开申请情况',
          2,
        ),
      ],
      messages: [],
    });

  it('leaves open, with a finding, the cells two readings dispute, and says how sure it is of the rest', () => {
    const { report, findings, placements } = readCrawler('693665');
    expect(report.cells['s2.regulations.issued']).toBe(0);
    expect(report.cells['s2.licensing.decisions']).toBe(2293);
    expect(report.cells['s2.fees.amount']).toBe(24.5);
    expect(report.cells['s2.normativeDocs.issued']).toBeUndefined();
    const finding = findings.find((f) => f.rule === 'split-ambiguous');
    expect(finding?.cells).toEqual(expect.arrayContaining(['s2.normativeDocs.issued', 's2.normativeDocs.inForce']));
    expect(finding?.message).toContain('693665');
    expect(placements?.['s2.licensing.decisions']).toMatchObject({ placedBy: 'label' });
    expect(placements?.['s2.licensing.decisions']?.confidence).toBeGreaterThan(0.9);
    expect(report.provenance?.['s2.licensing.decisions']).toMatchObject({ line: 2, text: '2293' });
  });

  it('decides a section 二 run by what a register row almost always is, never for sure, and says so', () => {
    const { report, findings, placements } = readCrawler('5312');
    const ids = ['issued', 'repealed', 'inForce'].map((column) => `s2.normativeDocs.${column}`);
    expect(ids.map((id) => report.cells[id])).toEqual([5, 3, 12]);
    expect(placements?.['s2.normativeDocs.issued']).toMatchObject({ placedBy: 'plausible' });
    expect(placements?.['s2.normativeDocs.issued']?.confidence).toBeLessThan(HIGH_CONFIDENCE);
    const finding = findings.find((f) => f.rule === 'split-plausible');
    expect(finding?.cells).toEqual(ids);
    expect(finding?.message).toContain('现行有效件数不少于本年制发件数');
    expect(findings.some((f) => f.rule === 'split-ambiguous')).toBe(false);
  });

  it("chooses between a row's readings by the column sums, and leaves open what they cannot decide", () => {
    const rows = (newRow: string, total: string) =>
      '三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他' +
      `一、本年新收政府信息公开申请数量${newRow}二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开${total}` +
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000（三）不予公开1.属于国家秘密0000000' +
      `（七）总计${total}四、结转下年度继续办理0000000`;
    const read = (body: string) =>
      readDocument({
        source: 'text',
        nodes: [line('某县民政局2021年度政府信息公开工作年度报告', 1), line(body, 2)],
        messages: [],
      });
    // 202000022 is 20,2,0,0,0,0,22 or 2,0,20,0,0,0,22; the total row says which.
    const decided = read(rows('202000022', '20 2 0 0 0 0 22'));
    expect(decided.report.cells['s3.new.natural']).toBe(20);
    expect(decided.report.cells['s3.new.business']).toBe(2);
    expect(decided.placements?.['s3.new.natural']).toMatchObject({ placedBy: 'sum' });
    const open = read(rows('202000022', '0000000').replace(/（七）总计.*$/, ''));
    expect(open.report.cells['s3.new.natural']).toBeUndefined();
    expect(open.report.cells['s3.new.total']).toBe(22);
    expect(open.findings.find((f) => f.rule === 'split-ambiguous')?.cells).toEqual([
      's3.new.natural',
      's3.new.business',
      's3.new.research',
    ]);
  });
});
