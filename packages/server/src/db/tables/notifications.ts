import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.js';

/** 催办: the 政务公开办 reminds a late organ; the organ answers (migration 0010). */
export interface UrgesTable {
  id: Generated<number>;
  organ_id: number;
  /** 'lateReport' | 'overdueCases' (urges/service.ts). */
  reason: string;
  year: number | null;
  message: string;
  sent_by: number;
  sent_at: Timestamp;
  answer: string | null;
  answered_by: number | null;
  answered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A reminder to one person (migration 0010). */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  /** A core `ReminderKind`. */
  kind: string;
  title: string;
  application_id: number | null;
  urge_id: number | null;
  due_on: string | null;
  dedupe_key: string;
  created_at: Timestamp;
  read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  mailed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Reminders: 催办 to organs and notifications to people. */
export interface NotificationTables {
  urges: UrgesTable;
  notifications: NotificationsTable;
}
