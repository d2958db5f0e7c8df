import type { CellDifference } from '@xxgk/core';
import { conflict, unprocessable } from '../../errors.js';

/**
 * The reason for publishing a report before its year has ended, which the audit keeps; without
 * one, an early publication is refused. Undefined once the year is over (no reason needed).
 */
export function reasonForEarlyPublication(
  year: number,
  early: boolean,
  reason: string | undefined,
): string | undefined {
  if (!early) return undefined;
  const given = reason?.trim() ?? '';
  if (given === '') {
    throw unprocessable(
      'year-not-ended',
      `${year}年度尚未结束，年度报告应在${year + 1}年1月1日以后发布；确需提前发布的，请填写提前发布的理由`,
    );
  }
  return given;
}

/** A draft whose numbers the records no longer give is not published: it is recompiled first. */
export function refuseStale(stale: readonly CellDifference[]): void {
  const first = stale[0];
  if (!first) return;
  throw conflict(
    `办理记录在编制后有变动，报告中 ${stale.length} 个数字已与记录不符（如“${first.label}”${first.a ?? '空'} → ${first.b ?? '空'}），请重新编制后再发布`,
    'report-stale',
  );
}
