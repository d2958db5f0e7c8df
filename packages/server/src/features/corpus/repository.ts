import { sql, type Kysely } from 'kysely';
import { containsPattern } from '../../db/like.js';
import { type Database, type Db } from '../../db/schema.js';

/** An organ as the corpus knows it (the row `merged_into` points away from is followed by the caller). */
export interface CorpusOrganRow {
  readonly id: number;
  readonly name: string;
  readonly identity_key: string;
  readonly region_code: string | null;
  readonly level: string | null;
  readonly kind: string;
  readonly confidence: number;
  readonly merged_into: number | null;
}

export const ORGAN_COLUMNS = [
  'id',
  'name',
  'identity_key',
  'region_code',
  'level',
  'kind',
  'confidence',
  'merged_into',
] as const;

/** The advisory-lock class of the corpus's per-organ lock (the two-key form keeps it apart from others). */
export const ORGAN_LOCK_CLASS = 15;

export async function createBatch(db: Db, label: string, startedBy: number | null, total: number): Promise<number> {
  const row = await db
    .insertInto('corpus_batches')
    .values({ label, started_by: startedBy, total })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setBatchTotal(db: Db, id: number, total: number): Promise<void> {
  await db.updateTable('corpus_batches').set({ total }).where('id', '=', id).execute();
}

export async function finishBatch(db: Db, id: number): Promise<void> {
  await db
    .updateTable('corpus_batches')
    .set({ finished_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function findBatch(db: Db, id: number) {
  return db
    .selectFrom('corpus_batches')
    .select(['id', 'label', 'started_by', 'started_at', 'finished_at', 'total'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** How many of a batch's files ended in each status. */
export async function batchCounts(db: Db, id: number): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('corpus_files')
    .select(['status', sql<number>`count(*)::int`.as('count')])
    .where('batch_id', '=', id)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, r.count]));
}

export interface BatchFilesQuery {
  readonly batchId: number;
  readonly status?: string;
  readonly limit: number;
  readonly offset: number;
}

/** A page of a batch's files with their outcome and, for a read file, the report it became. */
export async function batchFiles(db: Db, query: BatchFilesQuery) {
  let q = db.selectFrom('corpus_files').where('corpus_files.batch_id', '=', query.batchId);
  if (query.status) q = q.where('corpus_files.status', '=', query.status);
  const [items, total] = await Promise.all([
    q
      .leftJoin('corpus_reports', 'corpus_reports.file_id', 'corpus_files.id')
      .leftJoin('corpus_organs', 'corpus_organs.id', 'corpus_reports.organ_id')
      .select([
        'corpus_files.id',
        'corpus_files.file_name',
        'corpus_files.status',
        'corpus_files.error',
        'corpus_files.size',
        'corpus_reports.year',
        'corpus_reports.version',
        'corpus_organs.id as organ_id',
        'corpus_organs.name as organ_name',
      ])
      .orderBy('corpus_files.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.count };
}

export async function organById(db: Db, id: number): Promise<CorpusOrganRow | undefined> {
  return db.selectFrom('corpus_organs').select(ORGAN_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export interface NewCorpusOrgan {
  readonly identity_key: string;
  readonly name: string;
  readonly region_code: string | null;
  readonly level: string | null;
  readonly kind: string;
  readonly confidence: number;
}

export async function nameRow(db: Db, name: string) {
  return db
    .selectFrom('corpus_organ_names')
    .select(['name', 'organ_id', 'source', 'confidence'])
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function renameOrgan(db: Db, id: number, name: string): Promise<void> {
  await db.updateTable('corpus_organs').set({ name }).where('id', '=', id).execute();
}

/** A person points a spelling at an organ: it wins over the matcher from now on. */
export async function setNameManually(db: Db, name: string, organId: number): Promise<void> {
  await db
    .insertInto('corpus_organ_names')
    .values({ name, organ_id: organId, source: 'manual', confidence: 1 })
    .onConflict((c) =>
      c.column('name').doUpdateSet({ organ_id: organId, source: 'manual', confidence: 1, updated_at: sql`now()` }),
    )
    .execute();
}

/** Waits for, then holds until the transaction ends, the lock on one organ's reports. */
export async function lockOrgan(db: Db, organId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${ORGAN_LOCK_CLASS}::int, ${organId}::int)`.execute(db);
}

export interface OrganListQuery {
  readonly q?: string;
  /** A region code: the organs of that place and of the places under it. */
  readonly region?: string;
  readonly limit: number;
  readonly offset: number;
}

/** A page of organs (merged ones left out) with how many spellings and current reports each has. */
export async function listOrgans(db: Kysely<Database>, query: OrganListQuery) {
  let q = db.selectFrom('corpus_organs').where('corpus_organs.merged_into', 'is', null);
  if (query.q) {
    const pattern = containsPattern(query.q);
    q = q.where((eb) =>
      eb.or([
        eb('corpus_organs.name', 'ilike', pattern),
        eb.exists(
          eb
            .selectFrom('corpus_organ_names as n')
            .select('n.name')
            .whereRef('n.organ_id', '=', 'corpus_organs.id')
            .where('n.name', 'ilike', pattern),
        ),
      ]),
    );
  }
  if (query.region) q = q.where('corpus_organs.region_code', 'like', `${query.region.replace(/\D/g, '')}%`);
  const [items, total] = await Promise.all([
    q
      .select([
        ...ORGAN_COLUMNS.map((c) => `corpus_organs.${c}` as const),
        sql<string[]>`(select coalesce(array_agg(n.name order by n.name), '{}') from corpus_organ_names n
          where n.organ_id = corpus_organs.id)`.as('names'),
        sql<number>`(select count(*)::int from corpus_reports r where r.organ_id = corpus_organs.id and r.current)`.as(
          'reports',
        ),
      ])
      .orderBy('corpus_organs.region_code')
      .orderBy('corpus_organs.name')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.count };
}

/** Marks `from` as the same organ as `into` and points its spellings there. */
export async function mergeOrganRows(db: Db, from: number, into: number): Promise<void> {
  await db.updateTable('corpus_organs').set({ merged_into: into }).where('id', '=', from).execute();
  // Organs merged into `from` earlier now lead straight to `into`.
  await db.updateTable('corpus_organs').set({ merged_into: into }).where('merged_into', '=', from).execute();
  await db
    .updateTable('corpus_organ_names')
    .set({ organ_id: into, updated_at: sql`now()` })
    .where('organ_id', '=', from)
    .execute();
}

/** The organs whose reports were read from files giving the organ's name as `name`. */
export async function organsOfSpelling(db: Db, name: string): Promise<number[]> {
  const rows = await db
    .selectFrom('corpus_reports')
    .select('organ_id')
    .distinct()
    .where(sql<boolean>`meta ->> 'organName' = ${name}`)
    .execute();
  return rows.map((r) => r.organ_id);
}

/**
 * Moves reports to `organ` (with its place, level and kind): those of the organ `fromOrgan`, or
 * only those read under the spelling `name`.
 */
export async function moveReports(db: Db, organ: CorpusOrganRow, from: { fromOrgan: number } | { name: string }) {
  let q = db
    .updateTable('corpus_reports')
    .set({ organ_id: organ.id, region_code: organ.region_code, level: organ.level, kind: organ.kind });
  q =
    'fromOrgan' in from
      ? q.where('organ_id', '=', from.fromOrgan)
      : q.where(sql<boolean>`meta ->> 'organName' = ${from.name}`);
  await q.execute();
}

/**
 * Numbers the versions of the organs' years again in the order they were imported, the newest
 * current: after reports were moved between organs, two may hold the same version.
 */
export async function renumberVersions(db: Db, organIds: readonly number[]): Promise<void> {
  if (organIds.length === 0) return;
  await sql`
    update corpus_reports r set version = v.rn, current = (v.rn = v.n)
    from (
      select id, year, row_number() over w as rn, count(*) over (partition by organ_id, year) as n
      from corpus_reports where organ_id = any(${[...organIds]}::int[])
      window w as (partition by organ_id, year order by imported_at, id)
    ) v
    where r.id = v.id and r.year = v.year`.execute(db);
}

/** The years the organs have reports in: the summary rows a repointing or merge changes. */
export async function yearsOfOrgans(db: Db, organIds: readonly number[]): Promise<number[]> {
  if (organIds.length === 0) return [];
  const rows = await db
    .selectFrom('corpus_reports')
    .select('year')
    .distinct()
    .where('organ_id', 'in', [...organIds])
    .execute();
  return rows.map((r) => r.year).sort((a, b) => a - b);
}

/** Whether the corpus holds any file: the demo fills only an empty one. */
export async function hasCorpusFiles(db: Db): Promise<boolean> {
  const row = await db.selectFrom('corpus_files').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
