import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { generateReport, parseReport, renderText, seededRandom, type Report } from '../src/index.js';

const encoder = new TextEncoder();
const fixtures = new URL('../../../fixtures/', import.meta.url);
const expected004 = JSON.parse(readFileSync(new URL('seeds/expected/004_ba7dc12538697c10.json', fixtures), 'utf8')) as {
  cells: Record<string, number>;
};

function sample(format: '2019' | '2021' = '2021', seed = 9): Report {
  return generateReport(seededRandom(seed), {
    format,
    agency: '临安区卫生健康委员会',
    year: format === '2019' ? 2020 : 2022,
  });
}

describe('encodings', () => {
  it('reads GBK text', async () => {
    const { report, findings } = await parseReport(readFileSync(new URL('parse/text/004-gbk.txt', fixtures)));
    expect(report.meta).toMatchObject({ agency: '卫滨区应急管理局', year: 2023, format: '2021' });
    expect(report.cells).toEqual(expected004.cells);
    expect(findings.find((f) => f.rule === 'text-encoding')?.message).toContain('GB18030');
  });

  it('reads UTF-16 with and without a byte-order mark', async () => {
    const text = renderText(sample(), 'tab');
    const utf16 = new Uint8Array(Buffer.from(text, 'utf16le'));
    for (const bytes of [new Uint8Array([0xff, 0xfe, ...utf16]), utf16]) {
      const { report } = await parseReport(bytes);
      expect(report.cells).toEqual(sample().cells);
    }
  });

  it('reads a page of the 繁体 mirror', async () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    const text = toTraditional(renderText(sample(), 'pipe'));
    expect(text).toContain('總計');
    const { report } = await parseReport(encoder.encode(text));
    expect(report.meta.agency).toBe('临安区卫生健康委员会');
    expect(report.cells).toEqual(sample().cells);
  });
});

describe('messy values and labels', () => {
  it('reads units, dashes, negative changes and label variants', async () => {
    const r = sample('2019');
    const text = renderText(r, 'lines')
      .replace(/\t规范性文件\n/, '\t行政规范性文件\n')
      .replace('本年新制作数量', '本年新\n\n制作数量')
      .replace(/(\t行政处罚\n\t)(\d+)\n\t(-?\d+)/, '$1$2件\n\t—')
      .replace(/(\t政府集中采购\n\t\d+\n\t)([\d.]+)/, '$1$2万元');
    const { report, findings } = await parseReport(encoder.encode(text));
    expect(report.meta.format).toBe('2019');
    expect(report.cells['s2.normativeDocs.total']).toBe(r.cells['s2.normativeDocs.total']);
    expect(report.cells['s2.penalty.prevItems']).toBe(r.cells['s2.penalty.prevItems']);
    expect(report.cells['s2.penalty.change']).toBeNull();
    expect(report.cells['s2.procurement.amount']).toBe(r.cells['s2.procurement.amount']);
    expect(findings.some((f) => f.rule === 'cell-blank' && f.cells.includes('s2.penalty.change'))).toBe(true);
  });

  it('places the values of a pipe row whose blank cells collapsed, by the sums, and says so', async () => {
    const r = sample('2021', 12);
    // 予以公开: 3 from natural persons only, the other cells left blank in the source.
    const before = r.cells['s3.granted.total'] ?? 0;
    for (const column of ['natural', 'business', 'research', 'ngo', 'legal', 'otherOrg']) {
      r.cells[`s3.total.${column}`] = (r.cells[`s3.total.${column}`] ?? 0) - (r.cells[`s3.granted.${column}`] ?? 0);
      r.cells[`s3.granted.${column}`] = null;
    }
    r.cells['s3.granted.natural'] = 3;
    r.cells['s3.granted.total'] = 3;
    r.cells['s3.total.natural'] = (r.cells['s3.total.natural'] ?? 0) + 3;
    r.cells['s3.total.total'] = (r.cells['s3.total.total'] ?? 0) - before + 3;
    const text = renderText(r, 'pipe')
      .split('\n')
      .map((line) => (line.includes('予以公开') ? '三、本年度办理结果 | (一)予以公开 | 3 | 3 |||||||' : line))
      .join('\n');
    const { report, findings } = await parseReport(encoder.encode(text));
    expect(report.cells['s3.granted.natural']).toBe(3);
    expect(report.cells['s3.granted.total']).toBe(3);
    expect(report.cells['s3.granted.business']).toBeNull();
    const finding = findings.find((f) => f.rule === 'collapsed-row');
    expect(finding?.message).toContain('依据行列合计定为 自然人 3、总计 3');
  });

  it('reads table rows whose numbers run together on one line, as PDF flip-books print them', async () => {
    const r = sample('2021', 4);
    const text = renderText(r, 'lines').replace(
      /(\t一、本年新收政府信息公开申请数量)\n((?:\t-?\d+\n?)+)/,
      (_m, label: string, numbers: string) => `${label}\n${numbers.trim().split(/\s+/).join(' ')}\n`,
    );
    const { report } = await parseReport(encoder.encode(text));
    expect(report.cells['s3.new.total']).toBe(r.cells['s3.new.total']);
    expect(report.cells['s3.new.natural']).toBe(r.cells['s3.new.natural']);
  });

  it('reads a report from before 2019 as free-form: its old tables are not the statutory ones', async () => {
    const text = '某县民政局2017年政府信息公开工作年度报告\n一、概述\n本年度公开信息100条。\n行政许可 | 12 | 3 |\n';
    const { report, findings } = await parseReport(encoder.encode(text));
    expect(report.meta).toMatchObject({ agency: '某县民政局', year: 2017, format: 'unknown' });
    expect(report.cells).toEqual({});
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual([
      'section-missing',
      'section-missing',
      'section-missing',
    ]);
  });

  it('reads one cell per line with lone pipes between cells and a header one character per line', async () => {
    const r = sample('2021', 21);
    const text = renderText(r, 'lines')
      .replace('\t本年制发件数', '\t本\n\t年\n\t制\n\t发\n\t件\n\t数')
      .split('\n')
      .flatMap((line) => (/^\t-?\d/.test(line) ? [line, '|'] : [line]))
      .join('\n');
    expect(text).toContain('\t本\n\t年');
    const { report } = await parseReport(encoder.encode(text));
    expect(report.meta.format).toBe('2021');
    expect(report.cells).toEqual(r.cells);
  });
});
