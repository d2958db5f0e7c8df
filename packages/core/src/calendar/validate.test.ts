import { describe, expect, it } from 'vitest';
import { CalendarError, type CalendarYear } from './calendar.js';
import { defaultCalendarYears } from './data.js';
import { mergeCalendarYears, parseCalendarYear, parseCalendarYears, validateCalendarYears } from './validate.js';

function errorOf(run: () => unknown): CalendarError {
  try {
    run();
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError');
}

const valid2027 = {
  year: 2027,
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-06', name: '春节' },
  ],
  workdays: [{ date: '2027-02-20', name: '春节' }],
};

describe('parseCalendarYear', () => {
  it('accepts a well-formed year and returns it', () => {
    expect(parseCalendarYear(valid2027)).toEqual(valid2027);
  });

  it('accepts every default year', () => {
    for (const year of defaultCalendarYears()) expect(parseCalendarYear(year)).toEqual(year);
  });

  it('refuses a weekday declared a 调休上班日, naming the field', () => {
    const input = {
      ...valid2027,
      workdays: [
        { date: '2027-02-20', name: '春节' },
        { date: '2027-02-21', name: '春节' },
        { date: '2027-02-15', name: '春节' },
      ],
    };
    const error = errorOf(() => parseCalendarYear(input));
    expect(error.code).toBe('invalid-data');
    expect(error.message).toBe('workdays[2]：2027-02-15 不是周六或周日，不能作为调休上班日');
    expect(error.issues).toEqual([{ path: 'workdays[2]', message: '2027-02-15 不是周六或周日，不能作为调休上班日' }]);
  });

  it.each([
    ['a year out of range', { ...valid2027, year: 1999 }, 'year：年份应在2000至2100之间'],
    ['a fractional year', { ...valid2027, year: 2027.5 }, 'year：年份应为整数'],
    [
      'a malformed date',
      { ...valid2027, holidays: [{ date: '2027-2-6', name: '春节' }] },
      'holidays[0]：“2027-2-6”不是有效日期，应为 YYYY-MM-DD 格式',
    ],
    [
      'an impossible date',
      { ...valid2027, holidays: [{ date: '2027-02-29', name: '春节' }] },
      'holidays[0]：“2027-02-29”不是有效日期',
    ],
    [
      'a date of another year',
      { ...valid2027, holidays: [{ date: '2026-12-31', name: '元旦' }] },
      'holidays[0]：2026-12-31 不在2027年内',
    ],
    [
      'a duplicate holiday',
      {
        ...valid2027,
        holidays: [
          { date: '2027-01-01', name: '元旦' },
          { date: '2027-01-01', name: '元旦' },
        ],
      },
      'holidays[1]：2027-01-01 重复，已见于 holidays[0]',
    ],
    [
      'a day both off and worked',
      { ...valid2027, workdays: [{ date: '2027-02-06', name: '春节' }] },
      'workdays[0]：2027-02-06 已列为放假日（holidays[1]），不能同时作为调休上班日',
    ],
    [
      'an empty name',
      { ...valid2027, workdays: [{ date: '2027-02-20', name: ' ' }] },
      'workdays[0].name：名称不能为空',
    ],
    ['an unknown field', { ...valid2027, note: 'x' }, '（根）'],
    ['a missing list', { year: 2027, holidays: [] }, 'workdays'],
  ])('refuses %s', (_name, input, expected) => {
    const error = errorOf(() => parseCalendarYear(input));
    expect(error.code).toBe('invalid-data');
    expect(error.message).toContain(expected);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports every problem at once', () => {
    const input = {
      year: 2027,
      holidays: [{ date: '2028-01-01', name: '元旦' }],
      workdays: [{ date: '2027-02-15', name: '春节' }],
    };
    expect(errorOf(() => parseCalendarYear(input)).issues).toHaveLength(2);
  });
});

describe('parseCalendarYears and validateCalendarYears', () => {
  it('refuses the same year twice', () => {
    const result = validateCalendarYears([valid2027, valid2027]);
    expect(result).toEqual({ ok: false, issues: [{ path: '[1].year', message: '2027年重复，已见于 [0]' }] });
  });

  it('prefixes paths with the index of the year', () => {
    const error = errorOf(() =>
      parseCalendarYears([valid2027, { year: 2028, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] }]),
    );
    expect(error.message).toBe('[1].holidays[0]：2027-01-01 不在2028年内');
  });

  it('refuses what is not a list', () => {
    expect(validateCalendarYears({}).ok).toBe(false);
  });
});

describe('mergeCalendarYears', () => {
  const base: CalendarYear[] = [
    { year: 2025, holidays: [{ date: '2025-01-01', name: '元旦' }], workdays: [] },
    { year: 2026, holidays: [{ date: '2026-01-01', name: '元旦' }], workdays: [] },
  ];

  it('adds a new year, in order', () => {
    expect(mergeCalendarYears(base, [valid2027]).map((y) => y.year)).toEqual([2025, 2026, 2027]);
  });

  it('replaces a whole year of the base', () => {
    const corrected: CalendarYear = { year: 2025, holidays: [], workdays: [] };
    const merged = mergeCalendarYears(base, [corrected]);
    expect(merged).toEqual([corrected, base[1]]);
    expect(base[0]?.holidays).toHaveLength(1);
  });

  it('refuses two overrides of one year', () => {
    const error = errorOf(() => mergeCalendarYears(base, [valid2027, valid2027]));
    expect(error.code).toBe('invalid-data');
    expect(error.message).toContain('2027年的日历数据重复提供');
  });
});
