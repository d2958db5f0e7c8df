import { sql, type Kysely } from 'kysely';

/**
 * The corpus reports' jsonb columns compressed with lz4 instead of PostgreSQL's default pglz
 * (issue 15, import rate). A text report's figures and sources are 3–5 KB of JSON, over the 2 KB
 * at which PostgreSQL compresses a value: with pglz, compressing them was about 0.06 ms of the
 * database's CPU for each report imported (of ~0.14 ms to insert it), with lz4 next to nothing,
 * and lz4 also decompresses several times faster for the summary refresh that reads every figure.
 * Only values written afterwards are lz4; older ones stay readable as they are.
 *
 * Done only where the server was built with lz4 (PostgreSQL packages are; PGlite is not, and keeps
 * pglz). `SET COMPRESSION` does not reach the partitions from the parent, so each year's partition
 * is altered, the local ones only: a year moved to another server (postgres_fdw) is that server's.
 */
const COLUMNS = ['figures', 'findings', 'sources', 'meta'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
async function compressWith(db: Kysely<any>, method: 'lz4' | 'pglz'): Promise<void> {
  const { rows } = await sql<{ lz4: boolean }>`
    select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`.execute(db);
  if (!rows[0]?.lz4) return;
  const { rows: tables } = await sql<{ name: string }>`
    select c.relname as name from pg_class c
    where c.relname = 'corpus_reports'
       or (c.relkind = 'r' and c.oid in (select inhrelid from pg_inherits where inhparent = 'corpus_reports'::regclass))
    order by c.relname`.execute(db);
  for (const { name } of tables) {
    const alters = COLUMNS.map((column) => `ALTER COLUMN ${column} SET COMPRESSION ${method}`).join(', ');
    // ONLY: the partitioned parent's setting is for partitions made later; each partition is altered here.
    await sql.raw(`ALTER TABLE ONLY ${name} ${alters}`).execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await compressWith(db, 'lz4');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await compressWith(db, 'pglz');
}
