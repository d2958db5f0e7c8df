import type { CalendarYear } from '@xxgk/core';
import type { Json, Timestamp } from './columns.js';

export interface CalendarYearsTable {
  year: number;
  data: Json<CalendarYear>;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** The working-day calendar, a year a row. */
export interface CalendarTables {
  calendar_years: CalendarYearsTable;
}
