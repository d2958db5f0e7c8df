import { describe, expect, it } from 'vitest';
import { generateReport, seededRandom } from './generate.js';
import {
  MEASURES,
  REASON_MEASURE_KEYS,
  isJump,
  measureByKey,
  measureRates,
  measureValue,
  sumReportCells,
} from './measures.js';

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('缺少指标');
  return value;
}

describe('corpus measures', () => {
  it('add up the outcome groups of a generated report to its 办理结果总计', () => {
    const random = seededRandom(7);
    for (const format of ['2019', '2021'] as const) {
      const { cells } = generateReport(random, { format });
      const outcome = ['granted', 'partial', 'denied', 'unable', 'rejected', 'other'].map((key) =>
        measureValue(must(measureByKey(key)), cells),
      );
      expect(outcome.reduce((a, b) => a + b, 0)).toBe(cells['s3.total.total']);
      expect(measureValue(must(measureByKey('applications')), cells)).toBe(cells['s3.new.total']);
    }
  });

  it('name 16 refusal reasons and every measure once', () => {
    expect(REASON_MEASURE_KEYS).toHaveLength(16);
    expect(new Set(MEASURES.map((m) => m.key)).size).toBe(MEASURES.length);
    expect(must(measureByKey('fees')).cells).toEqual(['s2.fees.amount']);
  });

  it('give rates only where there is something to divide by', () => {
    const rates = measureRates({ handled: 8, granted: 2, review: 0, reports: 2, applications: 9 });
    expect(rates.grantedShare).toBe(0.25);
    expect(rates.reviewCorrectionRate).toBeNull();
    expect(rates.applicationsPerReport).toBe(4.5);
  });

  it('sum reports cell by cell, ignoring blanks', () => {
    expect(
      sumReportCells([
        { a: 1, b: 0.1 },
        { a: 2, b: 0.2, c: null },
      ]),
    ).toEqual({ a: 3, b: 0.3 });
  });

  it('flag ×10 jumps of at least 50 cases either way', () => {
    expect(isJump(4, 50)).toBe(true);
    expect(isJump(0, 50)).toBe(true);
    expect(isJump(60, 5)).toBe(true);
    expect(isJump(5, 49)).toBe(false);
    expect(isJump(10, 99)).toBe(false);
  });
});
