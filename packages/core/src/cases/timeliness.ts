import type { WorkCalendar } from '../calendar/calendar.js';

/**
 * Workload and timeliness of answering: how many working days answers took (median and 90th
 * percentile) and what share came after the due date. Defined once here, over plain rows, so that
 * the workbench and the supervision screen measure alike.
 */

/**
 * The p-th percentile (0 ≤ p ≤ 100) of `values` by linear interpolation between closest ranks
 * (the definition of PostgreSQL's percentile_cont and Excel's PERCENTILE.INC): the median of 1, 2,
 * 3, 4 is 2.5. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`百分位数应在0到100之间，收到的是${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] as number;
  return lowValue + ((sorted[high] as number) - lowValue) * (rank - low);
}

/**
 * Working days an answer took: from the day the application was received (not counted) to the
 * day the case closed, on the working calendar. Pauses (补正, 征求意见, 收费) are included: this is
 * the applicant's wait, not the statutory period (which `caseDeadline` measures).
 */
export function answerWorkingDays(receivedOn: string, closedOn: string, calendar: WorkCalendar): number {
  return calendar.workingDaysBetween(receivedOn, closedOn);
}

/** One case as the measure needs it: open, or closed with its dates and due date. */
export interface TimelinessRow {
  readonly receivedOn: string;
  readonly closedOn: string | null;
  /** The due date stored with the case; null while the clock stood still at closing. */
  readonly dueOn: string | null;
}

export interface Timeliness {
  /** Open cases. */
  readonly inHand: number;
  /** Closed cases measured. */
  readonly answered: number;
  /** The median and 90th percentile of the working days to answer, to a tenth. */
  readonly medianWorkingDays: number | null;
  readonly p90WorkingDays: number | null;
  /** Closed after the due date (`answeredLate` of `caseDeadline`). */
  readonly answeredLate: number;
  /** answeredLate / answered, 0–1; null when none answered. */
  readonly lateShare: number | null;
}

/** Shown to a tenth of a working day: 18.4, not 18.400000000000002. */
function tenths(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

export function timeliness(rows: readonly TimelinessRow[], calendar: WorkCalendar): Timeliness {
  const days: number[] = [];
  let inHand = 0;
  let late = 0;
  for (const row of rows) {
    if (row.closedOn === null) {
      inHand++;
      continue;
    }
    days.push(answerWorkingDays(row.receivedOn, row.closedOn, calendar));
    if (row.dueOn !== null && row.closedOn > row.dueOn) late++;
  }
  return {
    inHand,
    answered: days.length,
    medianWorkingDays: tenths(percentile(days, 50)),
    p90WorkingDays: tenths(percentile(days, 90)),
    answeredLate: late,
    lateShare: days.length === 0 ? null : late / days.length,
  };
}
