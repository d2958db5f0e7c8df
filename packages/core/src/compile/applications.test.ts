import { describe, expect, it } from 'vitest';
import { tableCellIds } from '../model/cells.js';
import type { ApplicationRecord } from './records.js';
import { countApplications } from './applications.js';
import { CompileError } from './errors.js';

const YEAR = 2024;

function app(id: string, receivedOn: string, closed?: [string, ApplicationRecord['outcome']]): ApplicationRecord {
  return {
    id,
    applicantKind: 'natural',
    receivedOn,
    ...(closed ? { closedOn: closed[0], outcome: closed[1] } : {}),
  };
}

function counted(records: ApplicationRecord[], format: '2019' | '2021' = '2021') {
  return countApplications(records, YEAR, format);
}

describe('countApplications: which row each application is counted in', () => {
  it('counts an application received and closed in the year as new and in its outcome row', () => {
    const { cells, sources } = counted([app('A1', '2024-03-05', ['2024-03-20', 'granted'])]);
    expect(cells['s3.new.natural']).toBe(1);
    expect(cells['s3.granted.natural']).toBe(1);
    expect(cells['s3.total.natural']).toBe(1);
    expect(cells['s3.carriedIn.natural']).toBe(0);
    expect(cells['s3.carriedOut.natural']).toBe(0);
    expect(sources['s3.granted.natural']).toEqual({ count: 1, ids: ['A1'] });
    expect(sources['s3.granted.total']).toEqual({ count: 1, ids: ['A1'] });
  });

  it('carries in what was received before 1 January and still open on it, however it ends', () => {
    const { cells, sources } = counted([
      app('old-closed-1-jan', '2023-12-31', ['2024-01-01', 'partial']),
      app('old-still-open', '2023-06-01'),
      app('old-closed-next-year', '2022-11-11', ['2025-01-01', 'granted']),
    ]);
    expect(cells['s3.carriedIn.natural']).toBe(3);
    expect(cells['s3.new.natural']).toBe(0);
    expect(cells['s3.partial.natural']).toBe(1);
    expect(cells['s3.carriedOut.natural']).toBe(2);
    expect(sources['s3.carriedOut.natural']?.ids).toEqual(['old-still-open', 'old-closed-next-year']);
  });

  it('carries out what is open at 31 December, even when it closes on 1 January', () => {
    const { cells } = counted([
      app('late', '2024-12-31', ['2025-01-01', 'granted']),
      app('closed-31-dec', '2024-12-31', ['2024-12-31', 'granted']),
      app('open', '2024-12-01'),
    ]);
    expect(cells['s3.new.natural']).toBe(3);
    expect(cells['s3.granted.natural']).toBe(1);
    expect(cells['s3.carriedOut.natural']).toBe(2);
  });

  it('ignores applications closed before the year and those received after it', () => {
    const { cells } = counted([
      app('closed-31-dec-last-year', '2023-12-01', ['2023-12-31', 'granted']),
      app('received-next-year', '2025-01-01'),
      app('received-next-year-closed', '2025-01-02', ['2025-01-03', 'granted']),
    ]);
    expect(Object.values(cells).every((value) => value === 0)).toBe(true);
  });

  it('puts each applicant kind in its own column and all of them in the total column', () => {
    const kinds = ['natural', 'business', 'research', 'ngo', 'legal', 'otherOrg'] as const;
    const records = kinds.map((applicantKind, i) => ({ ...app(`K${i}`, '2024-05-05'), applicantKind }));
    const { cells, sources } = counted(records);
    for (const kind of kinds) expect(cells[`s3.new.${kind}`]).toBe(1);
    expect(cells['s3.new.total']).toBe(6);
    expect(sources['s3.carriedOut.total']?.ids).toEqual(['K0', 'K1', 'K2', 'K3', 'K4', 'K5']);
  });

  it('keeps the three (六) sub-rows in the 2021 format and merges them into one row in 2019', () => {
    const records = [
      app('N', '2024-02-01', ['2024-03-01', 'other.noCorrection']),
      app('F', '2024-02-01', ['2024-03-01', 'other.unpaidFee']),
      app('O', '2024-02-01', ['2024-03-01', 'other.other']),
      app('D', '2024-02-01', ['2024-03-01', 'denied.query']),
    ];
    const of2021 = counted(records, '2021').cells;
    expect(of2021['s3.other.noCorrection.natural']).toBe(1);
    expect(of2021['s3.other.unpaidFee.natural']).toBe(1);
    expect(of2021['s3.other.other.natural']).toBe(1);
    expect('s3.other.natural' in of2021).toBe(false);
    const of2019 = counted(records, '2019');
    expect(of2019.cells['s3.other.natural']).toBe(3);
    expect(of2019.cells['s3.denied.query.natural']).toBe(1);
    expect(of2019.cells['s3.total.total']).toBe(4);
    expect('s3.other.other.natural' in of2019.cells).toBe(false);
    expect(of2019.sources['s3.other.total']?.ids).toEqual(['N', 'F', 'O']);
  });

  it('gives every cell of section 三 a value and a source, zero when nothing is counted', () => {
    const { cells, sources } = counted([]);
    expect(Object.keys(cells).sort()).toEqual([...tableCellIds('s3', '2021')].sort());
    expect(Object.keys(cells)).toHaveLength(25 * 7);
    expect(Object.keys(sources)).toEqual(Object.keys(cells));
    expect(Object.keys(counted([], '2019').cells).sort()).toEqual([...tableCellIds('s3', '2019')].sort());
  });
});

describe('countApplications: records that cannot be counted', () => {
  const fails = (record: Record<string, unknown>, message: RegExp) => {
    const records = [{ ...app('X-7', '2024-03-01'), ...record } as ApplicationRecord];
    expect(() => counted(records)).toThrow(CompileError);
    expect(() => counted(records)).toThrow(message);
  };

  it('refuses an application closed before it was received, naming it', () => {
    fails({ closedOn: '2024-02-28', outcome: 'granted' }, /申请“X-7”的办结日期 2024-02-28 早于收到日期 2024-03-01/);
  });

  it('refuses an outcome without a closing day, and a closing day without an outcome', () => {
    fails({ outcome: 'granted' }, /申请“X-7”有办理结果但没有办结日期/);
    fails({ closedOn: '2024-03-02' }, /申请“X-7”已于 2024-03-02 办结，但没有办理结果/);
  });

  it('refuses days that are not dates, unknown kinds and outcomes, and records without an ID', () => {
    fails({ receivedOn: '2024-02-30' }, /申请“X-7”的收到日期“2024-02-30”不是有效日期/);
    fails({ receivedOn: '2024/3/1' }, /不是有效日期（应为 YYYY-MM-DD）/);
    fails({ closedOn: '2024-13-01', outcome: 'granted' }, /申请“X-7”的办结日期“2024-13-01”不是有效日期/);
    fails({ applicantKind: 'company' }, /申请“X-7”的申请人类型“company”无效/);
    fails({ closedOn: '2024-03-02', outcome: 'denied' }, /申请“X-7”的办理结果“denied”无效/);
    fails({ id: ' ' }, /第1条申请记录没有编号/);
  });

  it('refuses one application counted twice', () => {
    const records = [app('A', '2024-01-05'), app('A', '2024-01-06')];
    expect(() => counted(records)).toThrow('申请编号“A”重复');
  });

  it('says which record is wrong in the error, for the register to correct it', () => {
    try {
      counted([app('Y-1', '2024-03-01', ['2024-01-01', 'granted'])]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CompileError);
      expect((error as CompileError).record).toBe('Y-1');
    }
  });
});
