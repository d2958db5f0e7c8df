import { sql } from 'kysely';
import type { Finding } from '@xxgk/core';
import { json, type Db } from '../../../db/schema.js';
import { ORGAN_COLUMNS, ORGAN_LOCK_CLASS, type CorpusOrganRow, type NewCorpusOrgan } from '../repository.js';

/*
 * The import's SQL, a group of files at a time: each statement takes every row of the group at
 * once, so that a group costs a few round trips whatever its size. Rows that take locks (unique
 * keys, advisory locks) go in a fixed order — sorted by their key — so that two imports running at
 * once wait for each other rather than deadlock.
 */

const byKey =
  <T>(key: (row: T) => string | number) =>
  (a: T, b: T): number => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

/**
 * The group's commit returns without waiting for its WAL to reach the disk (the WAL writer flushes
 * it within a fraction of a second). Safe for the import: a killed importer loses nothing the
 * server committed; a crash of the server itself may lose the last groups committed — each whole,
 * never part of one — and a rerun imports them again, since a file is done only once stored
 * (knownShas). A later commit that does wait (the batch marked finished) makes every earlier one
 * durable too: the WAL is flushed in order.
 */
export async function commitWithoutWaiting(db: Db): Promise<void> {
  await sql`set local synchronous_commit = off`.execute(db);
}

/** Which of the SHA-256 keys are stored already. */
export async function knownShas(db: Db, shas: readonly string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const rows = await db
    .selectFrom('corpus_files')
    .select('sha256')
    .where('sha256', '=', sql<string>`any(${[...shas]}::text[])`)
    .execute();
  return new Set(rows.map((r) => r.sha256));
}

/** The known spellings among `names`, each with the organ it names. */
export async function organsOfNames(db: Db, names: readonly string[]) {
  if (names.length === 0) return [];
  return db
    .selectFrom('corpus_organ_names as n')
    .innerJoin('corpus_organs', 'corpus_organs.id', 'n.organ_id')
    .select([
      ...ORGAN_COLUMNS.map((c) => `corpus_organs.${c}` as const),
      'n.name as spelling',
      'n.confidence as name_confidence',
    ])
    .where('n.name', '=', sql<string>`any(${[...names]}::text[])`)
    .execute();
}

export async function organsByKeys(db: Db, keys: readonly string[]): Promise<CorpusOrganRow[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('corpus_organs')
    .select(ORGAN_COLUMNS)
    .where('identity_key', '=', sql<string>`any(${[...keys]}::text[])`)
    .execute();
}

export async function organsByIds(db: Db, ids: readonly number[]): Promise<CorpusOrganRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('corpus_organs')
    .select(ORGAN_COLUMNS)
    .where('id', '=', sql<number>`any(${[...ids]}::int[])`)
    .execute();
}

/** Adds the organs whose key is not taken (another import may add one at the same time). */
export async function insertOrgansIfAbsent(db: Db, organs: readonly NewCorpusOrgan[]): Promise<void> {
  if (organs.length === 0) return;
  await db
    .insertInto('corpus_organs')
    .values([...organs].sort(byKey((o) => o.identity_key)))
    .onConflict((c) => c.column('identity_key').doNothing())
    .execute();
}

export interface NewOrganName {
  readonly name: string;
  readonly organ_id: number;
  readonly confidence: number;
}

/** Records the spellings the matcher found, unless known already (a manual one stays); the new ones. */
export async function insertNamesIfAbsent(db: Db, names: readonly NewOrganName[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db
    .insertInto('corpus_organ_names')
    .values([...names].sort(byKey((n) => n.name)).map((n) => ({ ...n, source: 'auto' })))
    .onConflict((c) => c.column('name').doNothing())
    .returning('name')
    .execute();
  return new Set(rows.map((r) => r.name));
}

/** Waits for, then holds until the transaction ends, the locks on the organs' reports, in id order. */
export async function lockOrgans(db: Db, organIds: readonly number[]): Promise<void> {
  if (organIds.length === 0) return;
  const ids = [...new Set(organIds)].sort((a, b) => a - b);
  // The ordered subquery makes the locks be taken in id order, so that two imports cannot deadlock.
  await sql`select count(pg_advisory_xact_lock(${ORGAN_LOCK_CLASS}::int, s.id))
    from (select id from unnest(${ids}::int[]) as u(id) order by id) s`.execute(db);
}

export interface NewCorpusFile {
  readonly sha256: string;
  readonly batch_id: number | null;
  readonly file_name: string;
  readonly media_type: string;
  readonly size: number;
  readonly content: Uint8Array | null;
  readonly status: string;
  readonly error: string | null;
}

/** The new files' ids by SHA-256; a file missing was stored first by another run. */
export async function insertFiles(db: Db, files: readonly NewCorpusFile[]): Promise<Map<string, number>> {
  if (files.length === 0) return new Map();
  const rows = await db
    .insertInto('corpus_files')
    .values([...files].sort(byKey((f) => f.sha256)))
    .onConflict((c) => c.column('sha256').doNothing())
    .returning(['id', 'sha256'])
    .execute();
  return new Map(rows.map((r) => [r.sha256, r.id]));
}

export interface OrganYear {
  readonly organId: number;
  readonly year: number;
}

export const organYearKey = (at: OrganYear): string => `${at.organId}|${at.year}`;

/**
 * Makes the organs' years' current reports former versions; their versions by `organYearKey`
 * (a year without one is absent). The current report is always the highest version (imports add
 * above it, and renumberVersions keeps it so), so one statement both retires it and says where
 * to go on.
 */
export async function retireCurrents(db: Db, keys: readonly OrganYear[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const organIds = keys.map((k) => k.organId);
  const years = keys.map((k) => k.year);
  /*
   * The organs and years again as lists: the planner then opens only those years' partitions
   * (the join alone plans for all 30, which PGlite pays for with a file opened each) and reads
   * them by the organ index whatever its statistics say.
   */
  const { rows } = await sql<{ organ_id: number; year: number; version: number }>`
    update corpus_reports r set current = false
    from unnest(${organIds}::int[], ${years}::int[]) as k(organ_id, year)
    where r.organ_id = k.organ_id and r.year = k.year and r.current
      and r.organ_id = any(${[...new Set(organIds)]}::int[]) and r.year = any(${[...new Set(years)]}::int[])
    returning r.organ_id, r.year, r.version`.execute(db);
  const versions = new Map<string, number>();
  for (const r of rows) {
    const key = organYearKey({ organId: r.organ_id, year: r.year });
    versions.set(key, Math.max(versions.get(key) ?? 0, r.version));
  }
  return versions;
}

export interface NewCorpusReport {
  readonly organ: CorpusOrganRow;
  readonly year: number;
  readonly version: number;
  readonly current: boolean;
  readonly fileId: number;
  readonly format: string;
  /** Cell ID → value, as JSON text. */
  readonly figures: string;
  readonly findings: readonly Finding[];
  readonly failedRules: readonly string[];
  /** Cell ID → where it was read, as JSON text. */
  readonly sources: string;
  readonly meta: Record<string, unknown>;
}

export async function insertReports(db: Db, reports: readonly NewCorpusReport[]): Promise<void> {
  if (reports.length === 0) return;
  await db
    .insertInto('corpus_reports')
    .values(
      reports.map((report) => ({
        organ_id: report.organ.id,
        year: report.year,
        version: report.version,
        current: report.current,
        file_id: report.fileId,
        format: report.format,
        region_code: report.organ.region_code,
        level: report.organ.level,
        kind: report.organ.kind,
        figures: report.figures,
        findings: json(report.findings),
        failed_rules: [...report.failedRules],
        sources: report.sources,
        meta: json(report.meta),
      })),
    )
    .execute();
}
