import type { SchemaIssue } from '../model/validate.js';

/** Why the calendar could not answer. Stable codes; the message is Chinese for end users. */
export type CalendarErrorCode =
  /** The date lies in a year whose holiday notice the calendar does not hold. */
  | 'year-not-covered'
  /** The value is not a real date written `YYYY-MM-DD`. */
  | 'bad-date'
  /** A count of working days that is not a whole number ≥ 0. */
  | 'bad-count'
  /** Calendar data (a year's holidays and 调休 days) that breaks a rule; `issues` says where. */
  | 'invalid-data';

export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    readonly issues: readonly SchemaIssue[] = [],
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}

export function yearNotCovered(year: number): CalendarError {
  return new CalendarError('year-not-covered', `日历未包含${year}年的节假日安排，请系统管理员补充该年度数据`);
}
