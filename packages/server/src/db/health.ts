import { sql, type Kysely } from 'kysely';

/**
 * True when the database answers a query with the row it must: a connection that says it is
 * fine but returns nothing (as PGlite did after a too-large statement) is not alive.
 */
export async function databaseAnswers<DB>(db: Kysely<DB>): Promise<boolean> {
  try {
    const result = await sql<{ alive: number }>`select 1 as alive`.execute(db);
    return result.rows.length === 1 && result.rows[0]?.alive === 1;
  } catch {
    return false;
  }
}
