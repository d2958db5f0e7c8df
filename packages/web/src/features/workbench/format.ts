import dayjs, { type Dayjs } from 'dayjs';

export const ISO = 'YYYY-MM-DD';

/** 2026-11-23 → 2026年11月23日. */
export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export function toIso(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format(ISO) : undefined;
}

export function fromIso(iso: string): Dayjs {
  return dayjs(iso, ISO);
}

/** The browser's today in China, for when the server's is not known yet. */
export function browserToday(): string {
  return dayjs().format(ISO);
}

export function dateTime(at: string): string {
  return new Date(at).toLocaleString('zh-CN', { hour12: false });
}
