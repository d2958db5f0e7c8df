import { describe, expect, it } from 'vitest';
import { readDocument } from '../read.js';
import { rowSplits } from './dp.js';
import { HIGH_CONFIDENCE } from './score.js';
import { keepingFacts } from './plausible.js';
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

  it('splits a signed run by the row it is read for, whichever row asked first', () => {
    const rows = TEMPLATES[1]?.rows ?? [];
    const counts = rows.find((r) => r.ids[0] === 's2.regulations.made') as TemplateRow;
    const register = rows.find((r) => r.ids[0] === 's2.licensing.prevItems') as TemplateRow;
    // Three counts and a register row (上一年, 本年增/减, 处理决定) hold three cells each; only the second's middle one takes a sign.
    expect(rowSplits(counts, { pieces: ['3', '-2', '5'] }).splits).toEqual([]);
    expect(rowSplits(register, { pieces: ['3', '-2', '5'] }).splits).toEqual([[3, -2, 5]]);
  });

  it('gives a row the same cells in every template that has it (the aligner pairs a row with a run once)', () => {
    const byFirst = new Map<string, TemplateRow>();
    for (const row of TEMPLATES.flatMap((template) => template.rows)) {
      const seen = byFirst.get(row.ids[0] as string);
      if (seen) expect({ table: row.table, ids: row.ids }).toEqual({ table: seen.table, ids: seen.ids });
      else byFirst.set(row.ids[0] as string, row);
    }
    expect(byFirst.size).toBeGreaterThan(30);
  });

  it('takes the "+" of a rise in 本年增/减 as the start of that cell, and of no other', () => {
    expect(runPieces('9+4352')).toEqual(['9', '+4352']);
    const signed = [false, true, false];
    const split = (raw: string) => splitRun({ pieces: runPieces(raw) }, 3, { maxDigits: 12, limit: 32, signed });
    expect(split('9+4352')).toEqual([
      [9, 4, 352],
      [9, 43, 52],
      [9, 435, 2],
    ]);
    // The sign cannot start 处理决定数量: 94 is one cell, the rise 3 or 35.
    expect(split('94+352')).toEqual([
      [94, 3, 52],
      [94, 35, 2],
    ]);
    // Unsigned, "12+3" could only be two counts: without the option any cell may start there.
    expect(splitRun({ pieces: runPieces('12+3') }, 2, { maxDigits: 12, limit: 32 })).toEqual([[12, 3]]);
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

describe('facts between the columns of a section 二 row', () => {
  const documents = ['issued', 'repealed', 'inForce'];
  const items = ['prevItems', 'change', 'decisions'];

  it('drops the readings no honest report can have: 现行有效 + 本年废止 < 本年制发, or fewer than no items', () => {
    // 5312: 5/3/12, 5/31/2, 53/1/2; 53 issued with 1 repealed leave at least 52 in force, not 2.
    const splits = [
      [5, 3, 12],
      [5, 31, 2],
      [53, 1, 2],
    ];
    expect(keepingFacts(documents, splits, true)?.splits).toEqual([
      [5, 3, 12],
      [5, 31, 2],
    ]);
    // 12-311: 12 items less 31 would be −19 items.
    expect(
      keepingFacts(
        items,
        [
          [12, -3, 11],
          [12, -31, 1],
        ],
        true,
      )?.splits,
    ).toEqual([[12, -3, 11]]);
  });

  it('tells nothing when every reading keeps the certain facts, or none does (the organ’s own error)', () => {
    const all = [
      [1, 2, 3],
      [1, 23, 4],
    ];
    expect(keepingFacts(documents, all, true)).toBeUndefined();
    // 50/1/2 and 501/0/2 both leave last year fewer than no documents in force: the organ's own error.
    const none = [
      [50, 1, 2],
      [501, 0, 2],
    ];
    expect(keepingFacts(documents, none, true)).toBeUndefined();
    expect(
      keepingFacts(
        ['items', 'amount'],
        [
          [1, 2.5],
          [12, 0.5],
        ],
        true,
      ),
    ).toBeUndefined();
  });

  it('keeps apart the usual facts, which a document issued and repealed in one year breaks', () => {
    // 5/31/2 is possible (31 repealed) but unusual: only the usual facts drop it.
    const possible = [
      [5, 3, 12],
      [5, 31, 2],
    ];
    expect(keepingFacts(documents, possible, true)).toBeUndefined();
    expect(keepingFacts(documents, possible, false)?.splits).toEqual([[5, 3, 12]]);
    expect(
      keepingFacts(
        ['made', 'published', 'total'],
        [
          [7, 7, 7166],
          [77, 71, 66],
        ],
        false,
      )?.splits,
    ).toEqual([[7, 7, 7166]]);
    expect(keepingFacts(items, [[12, -3, 11]], false)).toBeUndefined();
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

  it('decides a section 二 run by the facts every report keeps, then by what a register row almost always is', () => {
    const { report, findings, placements } = readCrawler('5312');
    const ids = ['issued', 'repealed', 'inForce'].map((column) => `s2.normativeDocs.${column}`);
    expect(ids.map((id) => report.cells[id])).toEqual([5, 3, 12]);
    // 53/1/2 is impossible: all that are left issue 5.
    expect(placements?.['s2.normativeDocs.issued']).toMatchObject({ placedBy: 'rule' });
    expect(placements?.['s2.normativeDocs.issued']?.confidence).toBeGreaterThan(0.8);
    // 5/3/12 or 5/31/2: only the usual 现行有效 ≥ 本年制发 chooses, never for sure.
    expect(placements?.['s2.normativeDocs.inForce']).toMatchObject({ placedBy: 'plausible' });
    expect(placements?.['s2.normativeDocs.inForce']?.confidence).toBeLessThan(HIGH_CONFIDENCE);
    const finding = findings.find((f) => f.rule === 'split-plausible');
    expect(finding?.cells).toEqual(ids.slice(1));
    expect(finding?.message).toContain('现行有效件数不少于本年制发件数');
    expect(findings.some((f) => f.rule === 'split-ambiguous')).toBe(false);
  });

  it('reads a run whole when the certain facts leave one reading, with no finding', () => {
    // 9102: 9/10/2 or 91/0/2, and 91 issued, none repealed, cannot leave 2 in force.
    const { report, findings, placements } = readCrawler('9102');
    const ids = ['issued', 'repealed', 'inForce'].map((column) => `s2.normativeDocs.${column}`);
    expect(ids.map((id) => report.cells[id])).toEqual([9, 10, 2]);
    // Both readings end in 2 in force: that cell its label places, the rest the facts.
    expect(ids.map((id) => placements?.[id]?.placedBy)).toEqual(['rule', 'rule', 'label']);
    expect(findings.filter((f) => f.cells.some((id) => ids.includes(id)))).toEqual([]);
  });

  it('decides a 2019 item row by its count of items, which is never negative', () => {
    const { report, placements } = readDocument({
      source: 'text',
      nodes: [
        line('某县民政局2019年政府信息公开工作年度报告', 1),
        line(
          '二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章002规范性文件800' +
            '第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可12-311其他对外管理服务事项7-211' +
            '第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚 6 03行政强制 0339' +
            '第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费410三、收到和处理政府信息公开申请情况',
          2,
        ),
      ],
      messages: [],
    });
    // 12 − 31 and 7 − 21 items would be negative: 12/−3/11 and 7/−2/11 are the only readings left.
    expect(['prevItems', 'change', 'decisions'].map((c) => report.cells[`s2.licensing.${c}`])).toEqual([12, -3, 11]);
    expect(['prevItems', 'change', 'decisions'].map((c) => report.cells[`s2.otherServices.${c}`])).toEqual([7, -2, 11]);
    expect(placements?.['s2.licensing.change']).toMatchObject({ placedBy: 'rule' });
    // 0339 is 0/3/39 or 0/33/9: both keep every fact, so only 上一年项目数量 is read.
    expect(report.cells['s2.enforcement.prevItems']).toBe(0);
    expect(report.cells['s2.enforcement.change']).toBeUndefined();
  });

  it('reads the "+" of a rise as where 本年增/减 starts', () => {
    const { report, findings } = readDocument({
      source: 'text',
      nodes: [
        line('某县民政局2020年政府信息公开工作年度报告', 1),
        line(
          '二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章002规范性文件800' +
            '第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可0+21776其他对外管理服务事项0+570' +
            '第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚34+1029行政强制000' +
            '第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费00三、收到和处理政府信息公开申请情况',
          2,
        ),
      ],
      messages: [],
    });
    const cells = (row: string) => ['prevItems', 'change', 'decisions'].map((c) => report.cells[`s2.${row}.${c}`]);
    // "0+570": the rise starts after 0, and 57/0 or 5/70 stay open; "34+1029": 34, then +10/29 or +102/9.
    expect(cells('otherServices')[0]).toBe(0);
    expect(cells('penalty')).toEqual([34, undefined, undefined]);
    expect(cells('licensing')[0]).toBe(0);
    expect(cells('enforcement')).toEqual([0, 0, 0]);
    const open = findings.filter((f) => f.rule === 'split-ambiguous').flatMap((f) => f.cells);
    expect(open).toEqual(expect.arrayContaining(['s2.penalty.change', 's2.penalty.decisions']));
  });

  it('lists every reading of a long section 二 run, so that no cell is read from some of them', () => {
    const row = TEMPLATES.flatMap((t) => t.rows).find((r) => r.ids[0] === 's2.licensing.prevItems') as TemplateRow;
    // 11 digits: 45 ways to cut them in three, more than the 32 a section 三 row is looked at.
    const splits = rowSplits(row, { pieces: ['39644227810'] }).splits;
    expect(splits).toHaveLength(45);
    expect(splits).toContainEqual([396, 442, 27810]);
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
