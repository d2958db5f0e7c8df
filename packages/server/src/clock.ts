/** Today's date in China (UTC+8, no daylight saving), as the 'YYYY-MM-DD' the deadlines count in. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export type Clock = () => string;
export const systemClock: Clock = () => chinaToday();
