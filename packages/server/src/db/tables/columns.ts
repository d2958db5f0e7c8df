import type { ColumnType } from 'kysely';

/*
 * Column types the tables share. DATE columns are 'YYYY-MM-DD' strings (see database.ts); JSONB
 * columns are written as JSON text and read back parsed.
 */

/** A JSONB column holding a `T`: written as JSON text (see `json` in schema.ts), read back parsed. */
export type Json<T> = ColumnType<T, string, string>;
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
