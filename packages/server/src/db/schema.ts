import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { ApplicationsTable, ApplicationTables } from './tables/applications.js';
import type { AuditTables } from './tables/audit.js';
import type { CalendarTables } from './tables/calendar.js';
import type { CorpusAnalysisTables } from './tables/corpus-analysis.js';
import type { CorpusTables } from './tables/corpus.js';
import type { NotificationTables } from './tables/notifications.js';
import type { OrganTables, OrgansTable, UsersTable } from './tables/organs.js';
import type { RegisterTables } from './tables/registers.js';
import type { ReportTables } from './tables/reports.js';

/*
 * The typed shape of every table, as the migrations leave it: each feature area's tables in a file
 * of tables/ (a new table goes into its area's file and that file's `…Tables`), composed here.
 */

export type * from './tables/applications.js';
export type * from './tables/audit.js';
export type * from './tables/calendar.js';
export type * from './tables/columns.js';
export type * from './tables/corpus-analysis.js';
export type * from './tables/corpus.js';
export type * from './tables/notifications.js';
export type * from './tables/organs.js';
export type * from './tables/registers.js';
export type * from './tables/reports.js';

export interface Database
  extends
    OrganTables,
    AuditTables,
    CalendarTables,
    ApplicationTables,
    RegisterTables,
    ReportTables,
    NotificationTables,
    CorpusTables,
    CorpusAnalysisTables {}

export type Organ = Selectable<OrgansTable>;
export type User = Selectable<UsersTable>;
export type ApplicationRow = Selectable<ApplicationsTable>;
export type NewApplication = Insertable<ApplicationsTable>;
export type ApplicationUpdate = Updateable<ApplicationsTable>;

/** The database, or a transaction on it: what a repository's functions take. */
export type Db = Kysely<Database> | Transaction<Database>;

/** JSON text for a JSONB parameter: both drivers then store the value, not a PostgreSQL array. */
export const json = (value: unknown): string => JSON.stringify(value);
