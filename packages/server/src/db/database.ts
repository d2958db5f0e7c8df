import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Dialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema.js';
import { migrateToLatest } from './migrate.js';
import { guardedDialect } from './batches.js';
import { logError } from '../log.js';

/** Which engine is behind the connection; the SQL is the same PostgreSQL dialect on both. */
export type Engine = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded PGlite is used. */
  readonly url?: string;
  /** PGlite's data directory; absent = in memory (tests). */
  readonly dataDir?: string;
  /** Connections in the pool (PostgreSQL only). */
  readonly poolSize?: number;
}

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  /** Refreshes the planner's statistics where nothing else does (PGlite), e.g. after a bulk load. */
  analyze(): Promise<void>;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/*
 * A DATE is a day in China, not an instant: both drivers would turn it into a JS Date at local
 * midnight, which shifts by a day in other time zones. Keep it as the 'YYYY-MM-DD' text.
 * Counts come back as int8 and money as numeric; both fit a JS number here.
 */
const keepText = (value: string): string => value;
const toNumber = (value: string): number => Number(value);

function postgresDialect(url: string, poolSize: number): Dialect {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === DATE_OID) return keepText;
      if (oid === INT8_OID || oid === NUMERIC_OID) return toNumber;
      return pg.types.getTypeParser(oid, format);
    },
  };
  // JIT off: the app's queries are short (a page, a dashboard sum over an indexed slice), and on
  // them JIT's compile time outweighs what it saves — the corpus rule counts ran ~1.8x slower
  // with it at 100,000 reports (docs/scale.md). PGlite has no JIT.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types, options: '-c jit=off' });
  // An idle connection that the server drops (a restart, a failover) must not end the process;
  // the pool opens a new one for the next query.
  pool.on('error', (error) => logError(error, '数据库连接中断'));
  return new PostgresDialect({ pool });
}

async function pgliteDialect(dataDir: string | undefined): Promise<Dialect> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    parsers: { [DATE_OID]: keepText, [INT8_OID]: toNumber, [NUMERIC_OID]: toNumber },
  });
  return new PGliteDialect(client);
}

/** Opens the database and brings its schema to the latest migration. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  const engine: Engine = options.url ? 'postgres' : 'pglite';
  const dialect = options.url
    ? postgresDialect(options.url, options.poolSize ?? 10)
    : await pgliteDialect(options.dataDir);
  const db = new Kysely<Database>({ dialect: guardedDialect(dialect) });
  try {
    await migrateToLatest(db);
    // PGlite runs no autovacuum, so without this its planner has no statistics and sorts
    // instead of using the list indexes; a server keeps its own statistics up to date.
    if (engine === 'pglite') await sql`analyze`.execute(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    engine,
    analyze: async () => {
      if (engine === 'pglite') await sql`analyze`.execute(db);
    },
    close: () => db.destroy(),
  };
}
