import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Engine } from '../../src/db/database.js';

/**
 * The engines every database test runs on: the embedded PGlite, and a real PostgreSQL server
 * (CI starts one; `XXGK_TEST_PG` names another, or `off` leaves it out on a machine without one).
 * Each test file gets a database of its own on the server, dropped afterwards.
 */
const SERVER_URL = process.env.XXGK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export const ENGINES: readonly Engine[] = SERVER_URL === 'off' ? ['pglite'] : ['pglite', 'postgres'];

export interface TestDatabase extends DatabaseHandle {
  /** The connection string of the throwaway server database (postgres only). */
  readonly url?: string;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') return openDatabase({});
  const name = `xxgk_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 8 });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
