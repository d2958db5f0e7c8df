export {
  CalendarError,
  DAY_KIND_LABELS,
  WorkCalendar,
  type CalendarDay,
  type CalendarErrorCode,
  type CalendarYear,
  type DayInfo,
  type DayKind,
} from './calendar.js';
export { addCalendarDays, weekdayOf } from './dates.js';
export {
  DEFAULT_FIRST_YEAR,
  DEFAULT_LAST_YEAR,
  calendarYearFromChineseDays,
  defaultCalendarYears,
  defaultWorkCalendar,
} from './data.js';
export {
  CalendarYearSchema,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  mergeCalendarYears,
  parseCalendarYear,
  parseCalendarYears,
  validateCalendarYears,
  type CalendarValidationResult,
} from './validate.js';
