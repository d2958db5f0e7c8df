/*
 * The bound of provisional deadlines and the sentence that explains 暂定, apart from the
 * provisional calendar itself so that the web app shows them without the lunar tables.
 */

/**
 * The most a 20-working-day deadline counted on a provisional year moved, in calendar days, once
 * the real notice was used instead: measured over every receipt date from November of the year
 * before to December of each year 2019–2026, pretending that year's notice was missing.
 * `earlierDays`: the notice's 调休 working Saturdays brought it forward (2020-09-03: 10-07 → 09-30);
 * `laterDays`: a longer break pushed it back (2020-01-19: 02-19 → 02-24, the extended 春节).
 */
export const PROVISIONAL_SHIFT = { earlierDays: 7, laterDays: 5 } as const;

/** What 暂定 means, in one sentence shown next to every provisional date. */
export const PROVISIONAL_NOTE =
  `暂定：该年度国务院办公厅放假安排尚未公布，期限按法定节假日推算（未计调休），` +
  `按2019—2026年实测，正式安排公布后期限最多提前${PROVISIONAL_SHIFT.earlierDays}天或推后${PROVISIONAL_SHIFT.laterDays}天。`;
