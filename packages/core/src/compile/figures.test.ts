import { describe, expect, it } from 'vitest';
import { CompileError } from './errors.js';
import { figureCellIds, isDocumentCell, takeFigures } from './figures.js';

describe('figureCellIds', () => {
  it('lists the section 二 cells no register yields', () => {
    expect(figureCellIds('2021')).toEqual([
      's2.licensing.decisions',
      's2.penalty.decisions',
      's2.enforcement.decisions',
      's2.fees.amount',
    ]);
    expect(figureCellIds('2019')).toHaveLength(16);
    expect(figureCellIds('2019')).toContain('s2.procurement.amount');
    expect(figureCellIds('2019').some(isDocumentCell)).toBe(false);
  });
});

describe('takeFigures', () => {
  it('takes the figures given, 0 for those left out, money as given and null as blank', () => {
    const { cells, sources } = takeFigures(
      { 's2.licensing.decisions': 12, 's2.fees.amount': 3.25, 's2.penalty.decisions': null },
      '2021',
    );
    expect(cells).toEqual({
      's2.licensing.decisions': 12,
      's2.penalty.decisions': null,
      's2.enforcement.decisions': 0,
      's2.fees.amount': 3.25,
    });
    expect(sources['s2.enforcement.decisions']).toEqual({ figure: true });
  });

  it('takes the 2019 item counts, negative changes included', () => {
    const { cells } = takeFigures(
      { 's2.licensing.prevItems': 40, 's2.licensing.change': -3, 's2.procurement.items': 2 },
      '2019',
    );
    expect(cells['s2.licensing.change']).toBe(-3);
    expect(cells['s2.procurement.items']).toBe(2);
    expect(cells['s2.procurement.amount']).toBe(0);
    expect(Object.keys(cells)).toEqual(figureCellIds('2019'));
  });

  it('refuses keys that are not figure cells of the format, saying why', () => {
    expect(() => takeFigures({ 's2.regulations.issued': 1 }, '2021')).toThrow(/由文件登记统计得出/);
    expect(() => takeFigures({ 's2.procurement.items': 1 }, '2021')).toThrow(/不是 2021 格式第二部分需要填报的数字/);
    expect(() => takeFigures({ 's2.licence.decisions': 1 }, '2021')).toThrow(/不是表格单元格编号/);
    expect(() => takeFigures({ 's2.fees.amount': Number.NaN }, '2021')).toThrow(CompileError);
  });
});
