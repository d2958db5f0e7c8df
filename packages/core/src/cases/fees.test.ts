import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feeBreakdown, feeFor, perApplicationFee, perPageFee } from './fees.js';
import { FEE_METHODS } from './model.js';

describe('按件计收 (国办函〔2020〕109号)', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
    [60, 400],
    [61, 500],
    [101, 900],
  ])('the application numbered %i in the month costs %i元', (ordinal, fee) => {
    expect(perApplicationFee(ordinal)).toBe(fee);
    expect(feeFor('perApplication', ordinal)).toBe(fee);
  });

  it('refuses an ordinal that is not a whole number from 1', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Infinity]) {
      expect(() => perApplicationFee(bad)).toThrow(/按件计收：申请件数序号应为不小于1的整数/);
    }
  });
});

describe('按量计收 (国办函〔2020〕109号)', () => {
  it.each([
    [0, 0],
    [1, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ])('%i pages cost %i元', (pages, fee) => {
    expect(perPageFee(pages)).toBe(fee);
    expect(feeFor('perPage', pages)).toBe(fee);
  });

  it('refuses a negative or fractional page count', () => {
    for (const bad of [-1, 2.5, Number.NaN]) expect(() => perPageFee(bad)).toThrow(/页数应为不小于0的整数/);
  });

  it('refuses an unknown method', () => {
    expect(() => feeFor('perWord' as never, 1)).toThrow(/收费方式/);
  });
});

describe('feeBreakdown', () => {
  it('lists the page tiers used, free tier included, with the notice text', () => {
    const breakdown = feeBreakdown('perPage', 120);
    expect(breakdown.total).toBe(1100);
    expect(breakdown.methodLabel).toBe('按量计收');
    expect(
      breakdown.lines.map(({ label, quantity, unitPrice, subtotal }) => [label, quantity, unitPrice, subtotal]),
    ).toEqual([
      ['第1至30页', 30, 0, 0],
      ['第31至100页', 70, 10, 700],
      ['第101至200页', 20, 20, 400],
    ]);
    expect(breakdown.text).toBe(
      '按量计收：共120页，其中第1至30页共30页不收费；第31至100页共70页，每页10元，计700元；第101至200页共20页，每页20元，计400元；合计1100元。',
    );
  });

  it('names the open-ended top tier', () => {
    const lines = feeBreakdown('perPage', 201).lines;
    expect(lines.at(-1)).toMatchObject({ label: '第201页及以上', quantity: 1, unitPrice: 40, subtotal: 40 });
  });

  it('gives one line for 按件, the tier the ordinal falls in', () => {
    const breakdown = feeBreakdown('perApplication', 35);
    expect(breakdown.lines).toEqual([
      { label: '第31至40件', tier: { from: 31, to: 40, unitPrice: 200 }, quantity: 1, unitPrice: 200, subtotal: 200 },
    ]);
    expect(breakdown.text).toBe('按件计收：本申请为申请人本月第35件申请，属“第31至40件”档，每件200元，合计200元。');
    expect(feeBreakdown('perApplication', 3).text).toContain('不收费，合计0元');
  });

  it('adds up to feeFor for every quantity up to 400', () => {
    for (const method of FEE_METHODS) {
      for (let quantity = 1; quantity <= 400; quantity++) {
        const breakdown = feeBreakdown(method, quantity);
        expect(breakdown.total).toBe(feeFor(method, quantity));
        expect(breakdown.lines.reduce((sum, line) => sum + line.subtotal, 0)).toBe(breakdown.total);
      }
    }
  });
});

describe('fees never decrease as the quantity grows (property)', () => {
  it.each(FEE_METHODS)('%s', (method) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (quantity, more) => {
        expect(feeFor(method, quantity + more)).toBeGreaterThanOrEqual(feeFor(method, quantity));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('page fees grow by exactly the price of the tier the next page is in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (pages) => {
        const next = pages + 1;
        const price = next <= 30 ? 0 : next <= 100 ? 10 : next <= 200 ? 20 : 40;
        expect(perPageFee(next) - perPageFee(pages)).toBe(price);
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
