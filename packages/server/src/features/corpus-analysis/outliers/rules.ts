import { RULES } from '@xxgk/core';

/**
 * The corpus's outliers (issue 15): year-over-year jumps in new applications (core's JUMP),
 * reports breaking error rules of their own, and carry-overs between an organ's consecutive years
 * that do not meet (core's cross-year-carryover and cross-year-in-force rules, on the totals).
 */
export type OutlierKind = 'jump' | 'impossible' | 'carryover';

/** Rules of error severity on one report: its impossible values (cross-year rules need a pair). */
export const ERROR_RULES: readonly string[] = RULES.filter((r) => r.severity === 'error' && !r.crossYear).map(
  (r) => r.id,
);
