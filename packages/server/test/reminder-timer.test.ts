import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotificationService } from '../src/features/notifications/service.js';
import { startReminderTimer } from '../src/features/notifications/timer.js';

/** The timer's schedule, on Vitest's fake clock: no real waiting, so nothing here is timed. */
describe('the reminder timer', () => {
  afterEach(() => vi.useRealTimers());

  it('digests once a day (on start, then when the date changes) and mails every minute', async () => {
    vi.useFakeTimers();
    const calls = { digest: 0, mail: 0 };
    const service = {
      digest: async () => {
        calls.digest++;
        return 0;
      },
      sendMail: async () => {
        calls.mail++;
        return 0;
      },
    } as unknown as NotificationService;
    let today = '2026-03-02';
    const stop = startReminderTimer(service, () => today);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual({ digest: 1, mail: 1 });
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(calls).toEqual({ digest: 1, mail: 4 });
    today = '2026-03-03';
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual({ digest: 2, mail: 5 });
    stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls).toEqual({ digest: 2, mail: 5 });
  });

  it('tries the digest again on the next tick when it failed', async () => {
    vi.useFakeTimers();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = true;
    let digests = 0;
    const service = {
      digest: async () => {
        digests++;
        if (fail) throw new Error('数据库无应答');
        return 0;
      },
      sendMail: async () => 0,
    } as unknown as NotificationService;
    const stop = startReminderTimer(service, () => '2026-03-02');
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('提醒定时任务'));
    fail = false;
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(digests).toBe(2);
    stop();
    errors.mockRestore();
  });
});
