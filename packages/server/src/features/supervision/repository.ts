import { SUPERVISION_STATUS_ORDER, type SupervisionStatus } from '@xxgk/core';
import { sql, type Kysely } from 'kysely';
import { containsPattern } from '../../db/like.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** Whose reports of which year, and whether the year's deadline has passed (the clock is the service's). */
export interface SupervisionScope {
  /** The government's organ path: every organ under it is supervised ('/' for all). */
  readonly path: string;
  readonly year: number;
  readonly overdue: boolean;
}

export interface OrganFilter {
  readonly status?: SupervisionStatus;
  /** Text in the organ's name. */
  readonly search?: string;
  readonly limit: number;
  readonly offset: number;
}

/**
 * Every organ in scope beside its report of the year, with the status computed in SQL so that the
 * totals, the late list and a page of the table take a few queries however many organs there are.
 * A published report is late or not as it was published; before the deadline nothing else is late,
 * after it everything unpublished is.
 */
function organStatuses(db: Db, scope: SupervisionScope) {
  const status = sql<SupervisionStatus>`case
    when r.status = 'published' then case when r.late then 'late' else 'published' end
    when ${sql.lit(scope.overdue)} then 'late'
    when r.id is not null then 'draft'
    else 'notStarted' end`;
  return db
    .selectFrom('organs as o')
    .leftJoin('annual_reports as r', (join) => join.onRef('r.organ_id', '=', 'o.id').on('r.year', '=', scope.year))
    .where('o.path', 'like', `${scope.path}%`)
    .select([
      'o.id as organId',
      'o.name as organName',
      'o.parent_id as parentId',
      'o.path',
      'r.status as reportStatus',
      'r.published_on as publishedOn',
      status.as('status'),
    ]);
}

function inScope(db: Db, scope: SupervisionScope) {
  return db.selectFrom(organStatuses(db, scope).as('s'));
}

/** How many organs stand at each status. */
export async function countByStatus(db: Db, scope: SupervisionScope): Promise<Record<SupervisionStatus, number>> {
  const rows = await inScope(db, scope)
    .select(['s.status', sql<string>`count(*)`.as('n')])
    .groupBy('s.status')
    .execute();
  const totals: Record<SupervisionStatus, number> = { notStarted: 0, draft: 0, published: 0, late: 0 };
  for (const row of rows) totals[row.status] = Number(row.n);
  return totals;
}

/** Every late organ, not a page of them: the 政务公开办 chases them all. */
export async function lateOrgans(db: Db, scope: SupervisionScope) {
  return inScope(db, scope)
    .where('s.status', '=', 'late')
    .select(['s.organId', 's.organName'])
    .orderBy('s.path')
    .execute();
}

/** One page of the organs in scope, late first, then not started, draft, published; in tree order within each. */
export async function pageOfOrgans(db: Db, scope: SupervisionScope, filter: OrganFilter) {
  let q = inScope(db, scope);
  if (filter.status) q = q.where('s.status', '=', filter.status);
  if (filter.search) q = q.where('s.organName', 'ilike', containsPattern(filter.search));
  const rank = sql<number>`case s.status ${sql.join(
    SUPERVISION_STATUS_ORDER.map((status, i) => sql`when ${sql.lit(status)} then ${sql.lit(i)}`),
    sql` `,
  )} end`;
  const [items, total] = await Promise.all([
    q
      .select(['s.organId', 's.organName', 's.parentId', 's.status', 's.reportStatus', 's.publishedOn'])
      .orderBy(rank)
      .orderBy('s.path')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** The findings stored with each organ's report of the year, for the organs of a page. */
export async function reportFindings(db: Db, organIds: readonly number[], year: number) {
  if (organIds.length === 0) return [];
  return db
    .selectFrom('annual_reports')
    .select(['organ_id as organId', 'findings'])
    .where('year', '=', year)
    .where('organ_id', 'in', organIds)
    .execute();
}

/** Applications each organ of a page received in the year, and how many of them are still open. */
export async function applicationCounts(db: Db, organIds: readonly number[], year: number) {
  if (organIds.length === 0) return [];
  const rows = await db
    .selectFrom('applications')
    .select([
      'organ_id as organId',
      sql<string>`count(*)`.as('received'),
      sql<string>`count(*) filter (where status <> 'closed')`.as('open'),
    ])
    .where('organ_id', 'in', organIds)
    // A date range rather than extract(year …), so the (organ_id, received_on) index answers it.
    .where('received_on', '>=', `${year}-01-01`)
    .where('received_on', '<=', `${year}-12-31`)
    .groupBy('organ_id')
    .execute();
  return rows.map((row) => ({ organId: row.organId, received: Number(row.received), open: Number(row.open) }));
}
