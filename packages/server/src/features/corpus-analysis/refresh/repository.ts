import { sql } from 'kysely';
import type { Db } from '../../../db/schema.js';

/**
 * The tables the corpus analysis rewrites a year at a time from the corpus's reports (the cell
 * sums of 0016 and 0017 only where reports changed: region-cells/repository.ts).
 */
export type RefreshedTable = 'corpus_summaries' | 'corpus_rollups' | 'corpus_outliers';

/** Empties `table`'s rows of the given years (all of them when none), before a refresh writes them again. */
export async function clearYears(db: Db, table: RefreshedTable, years: readonly number[] | undefined): Promise<void> {
  const where = years ? sql`where year in (${sql.join([...years])})` : sql``;
  await sql`delete from ${sql.table(table)} ${where}`.execute(db);
}
