import { describe, expect, it } from 'vitest';
import { parseReport } from './index.js';

/*
 * Section 二 as pdftotext's default reading order prints a LibreOffice or chromium PDF: the row
 * labels first, then each table's column headers with their figures as one run, a third column
 * elsewhere (align/s2-grid.ts). Invented organs and figures; a few rows of section 三 printed
 * beside their labels so that the aligner takes the template.
 */

const S3 = `三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 5 1 0 0 0 0 6
二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1
（一）予以公开 4 1 0 0 0 0 5
`;

const lines = (...parts: string[]): string => `${parts.join('\n')}\n`;

async function read(text: string) {
  const parsed = await parseReport(new TextEncoder().encode(text));
  const s2 = Object.fromEntries(Object.entries(parsed.report.cells).filter(([id]) => id.startsWith('s2.')));
  const named = new Set(parsed.findings.flatMap((finding) => finding.cells));
  return { parsed, s2, named };
}

describe('section 二 figures printed under their headers, apart from the row labels', () => {
  it('LibreOffice 2021: a 2×2 block, its third column after another table, the fee after it', async () => {
    const text =
      lines(
        '某县示例局 2021 年政府信息公开工作年度报告',
        '二、主动公开政府信息情况',
        '信息内容',
        '规章',
        '行政规范性文件',
        '',
        '第二十条第（一）项',
        '本年制发件数',
        '本年废止件数',
        '3',
        '7',
        '7',
        '12',
        '',
        '信息内容',
        '行政处罚',
        '行政强制',
        '',
        '第二十条第（六）项',
        '本年处理决定数量',
        '9',
        '2',
        '',
        '信息内容',
        '行政事业性收费',
        '',
        '现行有效件数',
        '20',
        '31',
        '',
        '第二十条第（八）项',
        '本年收费金额（单位：万元）',
        '12.5',
      ) + S3;
    const { s2, parsed } = await read(text);
    // 3 7 7 12: row by row or column by column, the middle two are 7 either way.
    expect(s2).toMatchObject({
      's2.regulations.issued': 3,
      's2.regulations.repealed': 7,
      's2.normativeDocs.issued': 7,
      's2.normativeDocs.repealed': 12,
      's2.regulations.inForce': 20,
      's2.normativeDocs.inForce': 31,
      's2.penalty.decisions': 9,
      's2.enforcement.decisions': 2,
      's2.fees.amount': 12.5,
    });
    expect(parsed.placements?.['s2.regulations.inForce']?.confidence).toBeLessThan(0.9);
    expect(parsed.findings.some((f) => f.rule === 'read-as-block' && f.cells.includes('s2.fees.amount'))).toBe(true);
  });

  it('LibreOffice 2019: the cells the two orders read otherwise stay open, named; a sign decides the order', async () => {
    const text =
      lines(
        '某县示例局 2019 年政府信息公开工作年度报告',
        '二、主动公开政府信息情况',
        '信息内容',
        '规章',
        '规范性文件',
        '',
        '第二十条第（一）项',
        '本年新制作数量',
        '本年新公开数量',
        '2',
        '5',
        '8',
        '3',
        '',
        '对外公开总数量',
        '14',
        '40',
        '',
        '信息内容',
        '行政许可',
        '其他对外管理服务事项',
        '',
        '第二十条第（五）项',
        '上一年项目数量',
        '本年增/减',
        '30',
        '-4',
        '12',
        '6',
        '',
        '处理决定数量',
        '205',
        '17',
        '',
        '信息内容',
        '行政事业性收费',
        '',
        '第二十条第（八）项',
        '上一年项目数量',
        '9',
        '',
        '本年增/减',
        '0',
      ) + S3;
    const { s2, named, parsed } = await read(text);
    expect(s2).toMatchObject({
      's2.regulations.made': 2,
      's2.normativeDocs.published': 3,
      's2.regulations.total': 14,
      's2.normativeDocs.total': 40,
      // Column by column would put -4 under 上一年项目数量: only row by row fits.
      's2.licensing.prevItems': 30,
      's2.licensing.change': -4,
      's2.otherServices.prevItems': 12,
      's2.otherServices.change': 6,
      // 处理决定数量 is (五)'s and (六)'s: (五) was printed just before.
      's2.licensing.decisions': 205,
      's2.otherServices.decisions': 17,
      's2.fees.prevItems': 9,
      's2.fees.change': 0,
    });
    expect(s2['s2.penalty.decisions']).toBeUndefined();
    for (const id of ['s2.regulations.published', 's2.normativeDocs.made']) {
      expect(s2[id] ?? null).toBeNull();
      expect(named.has(id)).toBe(true);
    }
    const open = parsed.findings.find((f) => f.rule === 'split-ambiguous' && f.message.includes('逐行读与逐列读'));
    expect(open?.cells).toEqual(['s2.regulations.published', 's2.normativeDocs.made']);
  });

  it('chromium: every label first, then each table with its headers and figures', async () => {
    const text =
      lines(
        '某县示例局 2019 年政府信息公开工作年度报告',
        '二、主动公开政府信息情况',
        '信息内容',
        '规章',
        '规范性文件',
        '信息内容',
        '行政许可',
        '其他对外管理服务事项',
        '',
        '第二十条第（一）项',
        '本年新制作数量 本年新公开数量 对外公开总数量',
        '1',
        '5',
        '22',
        '6',
        '2',
        '40',
        '第二十条第（五）项',
        '上一年项目数量',
        '本年增/减',
        '处理决定数量',
        '11',
        '3',
        '70',
        '11',
        '-1',
        '9',
      ) + S3;
    const { s2, named } = await read(text);
    expect(s2).toMatchObject({
      's2.regulations.made': 1,
      's2.normativeDocs.total': 40,
      's2.licensing.prevItems': 11,
      's2.licensing.change': 3,
      's2.licensing.decisions': 70,
      's2.otherServices.change': -1,
      's2.otherServices.decisions': 9,
    });
    for (const id of ['s2.regulations.published', 's2.regulations.total', 's2.normativeDocs.made']) {
      expect(s2[id] ?? null).toBeNull();
      expect(named.has(id)).toBe(true);
    }
  });

  it('read with no row of section 三 the aligner could take (its headers turned), in the format the year gives', async () => {
    const text = lines(
      '某县示例局 2019 年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '信息内容',
      '规章',
      '规范性文件',
      '',
      '第二十条第（一）项',
      '本年新制作数量 本年新公开数量 对外公开总数量',
      '4',
      '0',
      '9',
      '2',
      '1',
      '13',
      '三、收到和处理政府信息公开申请情况',
    );
    const { s2, named } = await read(text);
    expect(s2).toMatchObject({ 's2.regulations.made': 4, 's2.normativeDocs.total': 13 });
    // 4 0 9 | 2 1 13 row by row, 4 0 | 9 2 | 1 13 column by column: the rest differ.
    const open = [
      's2.regulations.published',
      's2.regulations.total',
      's2.normativeDocs.made',
      's2.normativeDocs.published',
    ];
    for (const id of open) {
      expect(s2[id] ?? null).toBeNull();
      expect(named.has(id)).toBe(true);
    }
  });

  it('figures under a header with no label of the table before them are not its rows', async () => {
    // A page's footer figures between a table's headers and its labels ("1 6", then 行政处罚 行政强制).
    const text =
      lines(
        '某县示例局 2021 年政府信息公开工作年度报告',
        '二、主动公开政府信息情况',
        '信息内容',
        '第二十条第（六）项',
        '本年处理决定数量',
        '',
        '1',
        '6',
        '',
        '行政处罚',
        '行政强制',
      ) + S3;
    const { s2 } = await read(text);
    expect(s2['s2.penalty.decisions'] ?? null).toBeNull();
    expect(s2['s2.enforcement.decisions'] ?? null).toBeNull();
  });
});
