import { describe, expect, it } from 'vitest';
import { DAMAGE_KINDS, scoreDamage } from '../src/index.js';

/*
 * Generated reports damaged as the world damages them (parse/align/damage.ts), 30 per kind; the
 * full measure (1,000 per kind) is `npm run bench:damage`. The reader must give at least 99.5%
 * of the cells right, never a wrong value with high confidence, and name every cell it leaves
 * open. A crawler's text is the exception for section 二: its rows have no sums, so a run like
 * "396442278" has several readings and stays open unless the prose states one or only one reading
 * is plausible (then it is given below high confidence).
 */
const SAMPLE = 30;

describe.each(DAMAGE_KINDS)('damaged text: %s', (kind) => {
  it('reads the cells right and is never sure of a wrong one', async () => {
    const score = await scoreDamage(kind, SAMPLE);
    const cells = score.right + score.wrong + score.open;
    expect(cells).toBeGreaterThan(SAMPLE * 100);
    expect(score.wrongSure).toBe(0);
    expect(score.openUnnamed).toBe(0);
    if (kind === 'crawler') {
      const s2 = score.s2.right + score.s2.wrong + score.s2.open;
      expect((score.right - score.s2.right) / (cells - s2)).toBeGreaterThanOrEqual(0.995);
      expect(score.wrong).toBe(0);
      // Section 二 rows kept apart by plausibility (现行有效 ≥ 本年制发 …) only: right, and never given as sure.
      expect(score.plausible.right).toBeGreaterThan(0);
      expect(score.plausible.wrong).toBe(0);
    } else {
      expect(score.right / cells).toBeGreaterThanOrEqual(0.995);
    }
  }, 120_000);
});
