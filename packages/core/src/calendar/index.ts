export {
  CalendarError,
  DAY_KIND_LABELS,
  WorkCalendar,
  type CalendarDay,
  type CalendarErrorCode,
  type CalendarYear,
  type DayInfo,
  type DayKind,
  type WorkCalendarOptions,
} from './calendar.js';
export { provisionalCalendarYear, statutoryHolidays } from './provisional.js';
export { PROVISIONAL_NOTE, PROVISIONAL_SHIFT } from './provisional-note.js';
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
export { parseHolidayNotice, type ParsedNotice } from './notice.js';
