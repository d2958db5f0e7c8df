import { logError } from '../../log.js';
import type { NotificationService } from './service.js';

/** How often the timer looks whether a new day began (for the digest) and mails what is waiting. */
const TICK_MS = 60_000;

/**
 * The server's reminder timer: the deadline digest once each day (China time; on start, then when
 * the date changes), and the mail of new reminders every minute. Returns a function that stops it.
 */
export function startReminderTimer(notifications: NotificationService, today: () => string): () => void {
  let digestedOn: string | undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const day = today();
      if (digestedOn !== day) {
        await notifications.digest();
        digestedOn = day;
      }
      await notifications.sendMail();
    } catch (error) {
      logError(error, '提醒定时任务');
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
