import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface CountRow {
  readonly organId: number;
  readonly year: number;
  readonly key: string;
  readonly count: number;
}

/**
 * Applications counted per organ, per year of `dateColumn` from `from` to `to`, and per value of
 * `keyColumn`; rows whose key is not set (an open case has no outcome) are left out.
 */
async function countByYear(
  db: Kysely<Database>,
  organIds: readonly number[],
  from: number,
  to: number,
  dateColumn: 'closed_on' | 'received_on',
  keyColumn: 'outcome' | 'applicant_kind',
): Promise<CountRow[]> {
  if (organIds.length === 0) return [];
  const year = sql<number>`cast(extract(year from ${sql.ref(dateColumn)}) as integer)`;
  const rows = await db
    .selectFrom('applications')
    .select([
      'organ_id',
      year.as('year'),
      sql<string>`${sql.ref(keyColumn)}`.as('key'),
      sql<string>`count(*)`.as('count'),
    ])
    .where('organ_id', 'in', organIds)
    .where(keyColumn, 'is not', null)
    .where(dateColumn, '>=', `${from}-01-01`)
    .where(dateColumn, '<=', `${to}-12-31`)
    .groupBy(['organ_id', year, keyColumn])
    .execute();
  return rows.map((r) => ({ organId: r.organ_id, year: Number(r.year), key: r.key, count: Number(r.count) }));
}

/** Applications concluded in each year from `from` to `to`, per organ and 办理结果 (section 三's rows). */
export function outcomesByYear(db: Kysely<Database>, organIds: readonly number[], from: number, to: number) {
  return countByYear(db, organIds, from, to, 'closed_on', 'outcome');
}

/** Applications received in each year from `from` to `to`, per organ and applicant kind. */
export function applicantKindsByYear(db: Kysely<Database>, organIds: readonly number[], from: number, to: number) {
  return countByYear(db, organIds, from, to, 'received_on', 'applicant_kind');
}
