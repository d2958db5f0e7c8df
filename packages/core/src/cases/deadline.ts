import type { WorkCalendar } from '../calendar/calendar.js';
import { ANSWER_WORKING_DAYS, CONSULTATION_WORKING_DAYS, CORRECTION_NOTICE_WORKING_DAYS } from './periods.js';
import type { CaseState, CaseStatus, Pause } from './state.js';

/**
 * The statuses in which the answer period stands still: a 补正 awaited, or an open pause, which
 * only 征求意见 and 收费 open and only their own end (or closing the case) ends (machine.ts).
 */
export const PAUSED_STATUSES: readonly CaseStatus[] = ['awaitingCorrection', 'consulting', 'awaitingFee'];

/** Where a case stands against its periods on a given day. */
export interface CaseDeadline {
  /**
   * The last day of the answer period, or null while the clock stands still (a pause is open, or
   * a 补正 is awaited) or never started again (closed while a 补正 was awaited or a fee unpaid).
   * A period that had already run out before a pause began keeps its due date (see `answerDueOn`).
   */
  readonly dueOn: string | null;
  /** 20 (第三十三条). */
  readonly baseDays: number;
  /** The working days of an approved extension; 0 otherwise (a pending request counts for nothing). */
  readonly extensionDays: number;
  /**
   * Working days on which the clock stood still after the period started: up to the due date when
   * it is known, otherwise up to the day the case closed or `today`.
   */
  readonly pausedWorkingDays: number;
  /** The clock stands still now: an open pause, or a 补正 awaited. Always false once closed. */
  readonly paused: boolean;
  /** Working days from `today` to the due date: 0 on the due day, negative once past; null when closed or no due date. */
  readonly workingDaysLeft: number | null;
  /** An open case past its due date, or a closed one that was closed after it (= `answeredLate`). */
  readonly overdue: boolean;
  /** The case was closed after its due date. */
  readonly answeredLate: boolean;
  /** While a 补正 is awaited: the last day for it. */
  readonly correctionDueOn?: string;
  /** While a fee is unpaid: the last day to pay. */
  readonly feeDueOn?: string;
  /** While a consultation is open: the last day of the 15 working days for the views (第三十二条). */
  readonly consultationDueOn?: string;
  /**
   * The due dates above were counted through a year whose holiday notice is not out yet, on the
   * provisional calendar (暂定): the notice may still move them.
   */
  readonly provisional: boolean;
}

/** The day the 补正 notice must have gone out by: 7 working days after receipt (第三十条). */
export function correctionNoticeDueOn(state: CaseState, calendar: WorkCalendar): string {
  return calendar.addWorkingDays(state.receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
}

/** The working days the answer period has: 20, plus an approved extension. */
export function answerPeriodDays(state: CaseState): number {
  return ANSWER_WORKING_DAYS + approvedExtensionDays(state);
}

function approvedExtensionDays(state: CaseState): number {
  return state.extension?.approvedOn ? state.extension.days : 0;
}

/** A 补正 was asked for and has not come (the period has not restarted). */
function correctionAwaited(state: CaseState): boolean {
  return state.correction !== undefined && state.correction.correctedOn === undefined;
}

/** A pause stops the clock on the days d with from < d ≤ to: the day it began still counts. */
function pausedOn(pauses: readonly Pause[], date: string): boolean {
  return pauses.some((pause) => pause.from < date && (pause.to === undefined || date <= pause.to));
}

/**
 * The last day of the answer period: the day on which the working days after `periodStartsOn`
 * outside every pause reach `answerPeriodDays`. Null while a 补正 is awaited, or when an open
 * pause stops the clock before the count is reached. When the count was reached before an open
 * pause began (a consultation started on or after the due date), the due date is already fixed
 * and is returned: a late consultation does not hide that the case is overdue.
 */
export function answerDueOn(state: CaseState, calendar: WorkCalendar): string | null {
  if (correctionAwaited(state)) return null;
  const total = answerPeriodDays(state);
  const openFrom = earliestOpenPause(state.pauses);
  let date = state.periodStartsOn;
  for (let counted = 0; counted < total;) {
    date = calendar.nextWorkingDay(date);
    if (openFrom !== undefined && date > openFrom) return null;
    if (!pausedOn(state.pauses, date)) counted++;
  }
  return date;
}

function earliestOpenPause(pauses: readonly Pause[]): string | undefined {
  let earliest: string | undefined;
  for (const pause of pauses)
    if (pause.to === undefined && (earliest === undefined || pause.from < earliest)) earliest = pause.from;
  return earliest;
}

/** Working days d with `after` < d ≤ `until` on which a pause stopped the clock. */
function pausedWorkingDays(state: CaseState, calendar: WorkCalendar, after: string, until: string): number {
  let count = 0;
  for (let date = calendar.nextWorkingDay(after); date <= until; date = calendar.nextWorkingDay(date)) {
    if (pausedOn(state.pauses, date)) count++;
  }
  return count;
}

/**
 * Where `state` stands on `today`. Throws the calendar's `bad-date` for a malformed `today`. A
 * period that reaches a year without a notice is counted on the provisional calendar and the
 * result is marked `provisional`.
 */
export function caseDeadline(state: CaseState, calendar: WorkCalendar, today: string): CaseDeadline {
  calendar.isWorkingDay(today); // checks `today`
  const closed = state.status === 'closed';
  const dueOn = answerDueOn(state, calendar);
  const openPause = state.pauses.find((pause) => pause.to === undefined);
  const paused = !closed && (state.status === 'awaitingCorrection' || openPause !== undefined);
  const answeredLate = closed && dueOn !== null && state.closedOn !== undefined && state.closedOn > dueOn;
  const countUntil = dueOn ?? state.closedOn ?? today;
  const openConsultation = state.pauses.find((pause) => pause.kind === 'consultation' && pause.to === undefined);
  let workingDaysLeft: number | null = null;
  if (!closed && dueOn !== null) workingDaysLeft = calendar.workingDaysBetween(today, dueOn);

  const consultationDueOn =
    !closed && openConsultation ? calendar.addWorkingDays(openConsultation.from, CONSULTATION_WORKING_DAYS) : undefined;
  const correctionDueOn = state.status === 'awaitingCorrection' ? state.correction?.dueOn : undefined;
  const feeDueOn = state.status === 'awaitingFee' && state.fee && !state.fee.paidOn ? state.fee.dueOn : undefined;
  // The latest date shown; every day counted for it lies between the start and it.
  const lastShown = [dueOn, consultationDueOn, correctionDueOn, feeDueOn]
    .filter((date): date is string => typeof date === 'string')
    .reduce((a, b) => (a > b ? a : b), state.periodStartsOn);
  return {
    dueOn,
    baseDays: ANSWER_WORKING_DAYS,
    extensionDays: approvedExtensionDays(state),
    pausedWorkingDays: correctionAwaited(state)
      ? 0
      : pausedWorkingDays(state, calendar, state.periodStartsOn, countUntil),
    paused,
    workingDaysLeft,
    overdue: closed ? answeredLate : dueOn !== null && today > dueOn,
    answeredLate,
    ...(correctionDueOn ? { correctionDueOn } : {}),
    ...(feeDueOn ? { feeDueOn } : {}),
    ...(consultationDueOn ? { consultationDueOn } : {}),
    provisional: calendar.provisionalBetween(state.periodStartsOn, lastShown),
  };
}
