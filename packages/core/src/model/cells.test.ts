import { describe, expect, it } from 'vitest';
import { ALL_CELL_IDS, CELLS, cellName, formatCellIds, tableCellIds } from './cells.js';

describe('cell catalogue', () => {
  it('has the cell counts of cells.md for each format', () => {
    expect(tableCellIds('s2', '2021')).toHaveLength(10);
    expect(tableCellIds('s2', '2019')).toHaveLength(22);
    // 25 rows of section 三 in 2021 (three (六) sub-rows), 23 in 2019; seven columns each.
    expect(tableCellIds('s3', '2021')).toHaveLength(25 * 7);
    expect(tableCellIds('s3', '2019')).toHaveLength(23 * 7);
    expect(tableCellIds('s4', '2021')).toHaveLength(15);
    expect(formatCellIds('2021')).toHaveLength(200);
    expect(formatCellIds('2019')).toHaveLength(198);
  });

  it('names cells as cells.md does', () => {
    expect(formatCellIds('2019')).toContain('s2.procurement.amount');
    expect(formatCellIds('2021')).toContain('s3.other.unpaidFee.legal');
    expect(formatCellIds('2021')).not.toContain('s3.other.total');
    expect(tableCellIds('s3', '2021', 'single')).toContain('s3.other.total');
    expect(CELLS.get('s2.penalty.change')?.kind).toBe('signedCount');
    expect(CELLS.get('s2.fees.amount')?.kind).toBe('money');
    expect(CELLS.get('s2.licensing.decisions')?.formats).toEqual(['2019', '2021']);
    expect(new Set(ALL_CELL_IDS).size).toBe(ALL_CELL_IDS.length);
  });

  it('gives each cell the Chinese name the printed table gives it, never its ID', () => {
    expect(cellName('s3.denied.prohibited.natural')).toBe('（三）不予公开·2.其他法律行政法规禁止公开·自然人');
    expect(cellName('s3.new.legal')).toBe('一、本年新收政府信息公开申请数量·法人或其他组织·法律服务机构');
    expect(cellName('s3.granted.total')).toBe('（一）予以公开·总计');
    expect(cellName('s2.normativeDocs.inForce')).toBe('行政规范性文件·现行有效件数');
    expect(cellName('s4.suit.upheld')).toBe('行政诉讼·未经复议直接起诉·结果维持');
    expect(cellName('s9.nothing')).toBe('未知单元格');
    for (const id of ALL_CELL_IDS) expect(cellName(id)).not.toMatch(/[A-Za-z]/);
  });
});
