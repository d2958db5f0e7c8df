import type { Kysely } from 'kysely';
import {
  CalendarError,
  caseDeadline,
  caseReminderTitle,
  deadlineReminder,
  type ReminderKind,
  type WorkCalendar,
} from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { logError } from '../../log.js';
import type { Actor } from '../access.js';
import type { CalendarService } from '../calendar/service.js';
import { CASE_WORKERS } from './events.js';
import { mailText, type Mailer } from './mail.js';
import * as repo from './repository.js';

/** How many reminders one mail round sends at most; the rest wait for the next round. */
const MAIL_BATCH = 200;

/**
 * Reminders (提醒): the daily digest of deadlines (within 3 and 1 working days, overdue), the list
 * each person reads and marks read, and the mails of reminders when SMTP is configured. Reminders
 * given as things happen are written by `events.ts` inside the change's transaction.
 */
export class NotificationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly calendars: CalendarService,
    private readonly today: Clock,
    private readonly mailer?: Mailer,
  ) {}

  /**
   * The deadline reminders of every open case for today: each to the case's handler (its 承办人
   * once assigned; an unassigned case's latest drafter, else who registered it) while they still
   * work the organ's cases, otherwise to all its officers and reviewers. Running it twice a day gives nothing new. Returns how many are new.
   */
  async digest(): Promise<number> {
    const calendar = await this.calendars.calendar();
    const today = this.today();
    const workers = new Map<number, number[]>();
    const rows = [];
    for (const row of await repo.openCasesWithHandler(this.db)) {
      const deadline = deadlineOf(row.state, calendar, today);
      const kind = deadlineReminder(deadline?.workingDaysLeft ?? null);
      if (!kind || !deadline) continue;
      let staff = workers.get(row.organId);
      if (!staff) {
        staff = await repo.organPeople(this.db, row.organId, CASE_WORKERS);
        workers.set(row.organId, staff);
      }
      const to = row.handlerId !== null && staff.includes(row.handlerId) ? [row.handlerId] : staff;
      const facts = { serialNo: row.serialNo, dueOn: deadline.dueOn, workingDaysLeft: deadline.workingDaysLeft };
      for (const userId of to) {
        rows.push({
          userId,
          kind,
          title: caseReminderTitle(kind, facts),
          applicationId: row.id,
          dueOn: deadline.dueOn,
          dedupeKey: `${kind}:${row.id}:${deadline.dueOn}`,
        });
      }
    }
    let added = 0;
    for (let i = 0; i < rows.length; i += 500) added += await repo.insertNotifications(this.db, rows.slice(i, i + 500));
    return added;
  }

  /** Mails the reminders not mailed yet to those who gave an address; returns how many went. */
  async sendMail(): Promise<number> {
    if (!this.mailer) return 0;
    let sent = 0;
    for (const item of await repo.unmailed(this.db, MAIL_BATCH)) {
      try {
        await this.mailer.send(item.email, `【政府信息公开】${item.title}`, mailText(item.title, item.dueOn));
      } catch (error) {
        // The server may be down for a while: the rest wait for the next round.
        logError(error, '发送提醒邮件');
        break;
      }
      await repo.markMailed(this.db, item.id);
      sent++;
    }
    return sent;
  }

  async list(actor: Actor, query: { unread?: boolean; page: number; pageSize: number }) {
    const page = await repo.listNotifications(
      this.db,
      actor.id,
      query.unread === true,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    );
    return {
      total: page.total,
      unread: await repo.unreadCount(this.db, actor.id),
      items: page.items.map((row) => ({
        id: row.id,
        // Written only from the core's REMINDER_KINDS (events.ts and digest above).
        kind: row.kind as ReminderKind,
        title: row.title,
        applicationId: row.application_id,
        urgeId: row.urge_id,
        dueOn: row.due_on,
        createdAt: new Date(row.created_at).toISOString(),
        read: row.read_at !== null,
      })),
    };
  }

  async unread(actor: Actor) {
    return { unread: await repo.unreadCount(this.db, actor.id) };
  }

  async markRead(actor: Actor, ids: readonly number[] | 'all') {
    const changed = await repo.markRead(this.db, actor.id, ids);
    return { changed, unread: await repo.unreadCount(this.db, actor.id) };
  }

  async settings(actor: Actor) {
    return { email: await repo.emailOf(this.db, actor.id), mailEnabled: this.mailer !== undefined };
  }

  async setEmail(actor: Actor, email: string | null) {
    await repo.setEmail(this.db, actor.id, email);
    return this.settings(actor);
  }
}

/** A case's deadline today, or null when the calendar cannot count it (a year beyond 2100). */
function deadlineOf(state: Parameters<typeof caseDeadline>[0], calendar: WorkCalendar, today: string) {
  try {
    return caseDeadline(state, calendar, today);
  } catch (error) {
    if (error instanceof CalendarError) return null;
    throw error;
  }
}
