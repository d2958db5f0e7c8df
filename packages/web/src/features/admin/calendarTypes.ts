import type { components } from '../../api/schema.js';

type Schemas = components['schemas'];

/** GET /api/calendar/{year}: a year's days off and where they come from. */
export type CalendarYearView = Schemas['CalendarYearView'];
export type CalendarSource = CalendarYearView['source'];
export type CalendarDay = Schemas['CalendarYear']['holidays'][number];
/** An open case whose due date the year would move (POST …/preview, PUT). */
export type DueMove = Schemas['DueMove'];

export const SOURCE_LABELS: Record<CalendarSource, string> = {
  shipped: '随系统发布',
  administrator: '管理员录入',
  provisional: '暂定',
};
