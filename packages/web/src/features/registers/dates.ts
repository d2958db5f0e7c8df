import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';

export function toDayjs(date: string | null | undefined): Dayjs | undefined {
  return date ? dayjs(date, DATE_FORMAT) : undefined;
}

export function fromDayjs(date: Dayjs | null | undefined): string | undefined {
  return date ? date.format(DATE_FORMAT) : undefined;
}
