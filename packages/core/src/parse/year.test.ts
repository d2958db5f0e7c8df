import { describe, expect, it } from 'vitest';
import { parseReport } from './index.js';

const encode = (text: string) => new TextEncoder().encode(text);

const BODY = [
  '政府信息公开工作年度报告',
  '一、总体情况',
  '相山区应急管理局认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开各类信息779条。',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '本年度未收到政府信息公开申请。',
].join('\n');

/*
 * Issue 11 §4.9: a file that states no year was read as a 2008 report, and could then not be
 * imported for its real year. No year is null, with a finding saying so, and no rule judges the
 * report against a year it does not have.
 */
describe('a report file that states no year', () => {
  it('is read with the year null and an error finding asking to choose the year', async () => {
    const parsed = await parseReport(encode(`相山区应急管理局${BODY}`), { file: '无年度.txt' });
    expect(parsed.report.meta.year).toBeNull();
    expect(parsed.report.meta.agency).toBe('相山区应急管理局');
    const finding = parsed.findings.find((f) => f.rule === 'year-not-found');
    expect(finding).toMatchObject({ severity: 'error' });
    expect(finding?.message).toContain('请在导入时选择报告年度');
    for (const rule of ['format-year', 'publication-late', 'text-year-mismatch'])
      expect(parsed.findings.map((f) => f.rule)).not.toContain(rule);
  });

  it('keeps the year the title states', async () => {
    const parsed = await parseReport(encode(`相山区应急管理局2023年${BODY}`), { file: '2023.txt' });
    expect(parsed.report.meta.year).toBe(2023);
    expect(parsed.findings.map((f) => f.rule)).not.toContain('year-not-found');
  });
});
