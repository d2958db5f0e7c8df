import { describe, expect, it } from 'vitest';
import { CompileError } from './errors.js';
import type { ReviewRecord } from './records.js';
import { countReviews, reviewId } from './reviews.js';

const review = (caseNo: string, filedOn: string, concluded?: [string, ReviewRecord['result']]): ReviewRecord => ({
  kind: 'review',
  caseNo,
  filedOn,
  ...(concluded ? { concludedOn: concluded[0], result: concluded[1] } : {}),
});

describe('countReviews', () => {
  it('counts cases concluded in the year by result, and pending ones, per kind', () => {
    const { cells, sources } = countReviews(
      [
        review('R1', '2024-02-01', ['2024-04-01', 'upheld']),
        review('R2', '2023-11-01', ['2024-01-01', 'corrected']), // filed last year, concluded in this one
        review('R3', '2024-05-01', ['2024-12-31', 'other']),
        review('R4', '2023-05-01'), // pending since last year
        review('R5', '2024-12-31', ['2025-01-01', 'upheld']), // concluded only next year: pending
        { kind: 'suit', caseNo: 'S1', filedOn: '2024-03-03', concludedOn: '2024-09-09', result: 'corrected' },
        { kind: 'suitAfterReview', filedOn: '2024-03-03' },
      ],
      2024,
    );
    expect(cells).toMatchObject({
      's4.review.upheld': 1,
      's4.review.corrected': 1,
      's4.review.other': 1,
      's4.review.pending': 2,
      's4.review.total': 5,
      's4.suit.corrected': 1,
      's4.suit.total': 1,
      's4.suitAfterReview.pending': 1,
      's4.suitAfterReview.total': 1,
    });
    expect(sources['s4.review.pending']).toEqual({ count: 2, ids: ['R4', 'R5'] });
    expect(sources['s4.suitAfterReview.total']).toEqual({ count: 1, ids: ['#7'] });
    expect(Object.keys(cells)).toHaveLength(15);
  });

  it('leaves out cases concluded before the year and cases filed after it', () => {
    const { cells } = countReviews(
      [review('R1', '2022-01-01', ['2023-12-31', 'upheld']), review('R2', '2025-01-01'), review('R3', '2025-02-01')],
      2024,
    );
    expect(Object.values(cells).every((value) => value === 0)).toBe(true);
  });

  it('names a case by its number, or by its place in the list', () => {
    expect(reviewId(review(' 皖行复〔2024〕3号 ', '2024-01-01'), 0)).toBe('皖行复〔2024〕3号');
    expect(reviewId({ kind: 'suit', filedOn: '2024-01-01' }, 2)).toBe('#3');
  });

  it('refuses cases that contradict themselves, naming them', () => {
    const fails = (record: Record<string, unknown>, message: RegExp) =>
      expect(() => countReviews([{ ...review('R9', '2024-03-01'), ...record } as ReviewRecord], 2024)).toThrow(message);
    fails({ concludedOn: '2024-02-01', result: 'upheld' }, /案件“R9”的审结日期 2024-02-01 早于收案日期 2024-03-01/);
    fails({ result: 'upheld' }, /案件“R9”有审结结果但没有审结日期/);
    fails({ concludedOn: '2024-04-01' }, /案件“R9”已于 2024-04-01 审结，但没有结果/);
    fails({ filedOn: '2024-02-30' }, /案件“R9”的收案日期“2024-02-30”不是有效日期/);
    fails({ concludedOn: 'soon', result: 'upheld' }, /审结日期“soon”不是有效日期/);
    fails({ kind: 'appeal' }, /案件“R9”的类型“appeal”无效/);
    fails({ concludedOn: '2024-04-01', result: 'won' }, /案件“R9”的结果“won”无效/);
    expect(() => countReviews([{ kind: 'suit', filedOn: 'x' }], 2024)).toThrow(/第1件复议诉讼案件的收案日期/);
    expect(() => countReviews([review('R1', '2024-01-01'), review('R1', '2024-01-02')], 2024)).toThrow(CompileError);
  });
});
