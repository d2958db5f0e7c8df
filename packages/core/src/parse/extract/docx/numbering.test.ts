import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../errors.js';
import { fixture, lines, tables } from '../../../../test/support/extract.js';
import { extractDocx } from './index.js';
import { chineseCounting, formatNumber } from './numbering.js';

describe('DOCX automatic numbering (w:numPr)', () => {
  it('reads the numbers Word draws: headings by style, lists by level, restarts, overrides and numId 0', async () => {
    const doc = await extractDocx(fixture('docx/numbering.docx'), { file: 'n.docx', limits: DEFAULT_LIMITS });
    expect(lines(doc).map((line) => line.text)).toEqual([
      '某某县人民政府2023年政府信息公开工作年度报告',
      '一、总体情况',
      '（一）主动公开情况。',
      '（二）依申请公开情况。',
      '二、主动公开政府信息情况',
      '1. 本年新制作规章。',
      '2. 本年新制作规范性文件。',
      '不编号的段落。',
      '三、收到和处理政府信息公开申请情况',
    ]);
    const [table] = tables(doc);
    expect(table?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['（一）本年新收政府信息公开申请数量', '145'],
      ['（二）上年结转政府信息公开申请数量', '3'],
      ['（六）其他处理', '6'],
      ['（七）总计', '154'],
    ]);
  });

  it('writes counters in Word’s formats', () => {
    expect([1, 9, 10, 11, 20, 21, 100, 105, 110].map(chineseCounting)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
      '一百',
      '一百零五',
      '一百一十',
    ]);
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(14, 'upperRoman')).toBe('XIV');
    expect(formatNumber(28, 'lowerLetter')).toBe('bb');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
  });
});
