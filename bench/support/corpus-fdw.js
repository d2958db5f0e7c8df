// Years of corpus_reports moved to another PostgreSQL server as postgres_fdw foreign partitions
// (docs/scale.md): PostgreSQL's own sharding. On the other server each year is a plain table of
// the partition's shape (columns read from the main server's catalogue, the year's CHECK, the
// same indexes); on the main server the year's local partition is detached, a foreign table is
// attached in its place, the rows are copied through it and the local table dropped. Queries on
// corpus_reports then read those years from the other server, unchanged.

const SERVER = 'corpus_second';

/** The partition's columns as `name type [NOT NULL]`, from the main server's catalogue. */
async function columnsOf(main) {
  const { rows } = await main.query(`
    SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
    FROM pg_attribute a WHERE a.attrelid = 'corpus_reports'::regclass AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY a.attnum`);
  return rows.map((c) => `${c.name} ${c.type}${c.not_null ? ' NOT NULL' : ''}`);
}

/** The year's table on the other server, shaped as the local partition, with the same indexes. */
async function createRemoteYear(remote, columns, year) {
  const table = `corpus_reports_${year}`;
  await remote.query(`CREATE TABLE ${table} (${columns.join(', ')}, CHECK (year >= ${year} AND year < ${year + 1}))`);
  await remote.query(`CREATE INDEX ON ${table} (organ_id, year, version)`);
  await remote.query(`CREATE INDEX ON ${table} (year, region_code) WHERE current`);
  await remote.query(`CREATE INDEX ON ${table} (file_id)`);
}

/**
 * Moves `years` of corpus_reports from the main server (a `pg` client on its database, as a
 * superuser: CREATE EXTENSION and a password-less user mapping need one) to the other server
 * (`remote`, a client on its database `remoteDb` at 127.0.0.1:`port`). Returns the rows moved.
 */
export async function moveYearsToServer(main, remote, { port, remoteDb = 'postgres', years }) {
  const columns = await columnsOf(main);
  for (const year of years) await createRemoteYear(remote, columns, year);
  await main.query('CREATE EXTENSION IF NOT EXISTS postgres_fdw');
  // async_capable: the foreign partitions of one query are scanned at once (PostgreSQL 14+);
  // fetch_size and batch_size: rows a round trip, reading and writing.
  await main.query(`CREATE SERVER ${SERVER} FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port '${port}', dbname '${remoteDb}', async_capable 'true',
             fetch_size '10000', batch_size '1000')`);
  await main.query(`CREATE USER MAPPING FOR CURRENT_USER SERVER ${SERVER} OPTIONS (user 'postgres')`);
  let moved = 0;
  for (const year of years) {
    const local = `corpus_reports_${year}`;
    const foreign = `corpus_reports_${year}_remote`;
    // One transaction a year: a failure leaves the local partition attached and whole.
    await main.query('BEGIN');
    try {
      await main.query(`ALTER TABLE corpus_reports DETACH PARTITION ${local}`);
      await main.query(`CREATE FOREIGN TABLE ${foreign} PARTITION OF corpus_reports
        FOR VALUES FROM (${year}) TO (${year + 1}) SERVER ${SERVER} OPTIONS (table_name '${local}')`);
      const { rowCount } = await main.query(`INSERT INTO ${foreign} SELECT * FROM ${local}`);
      await main.query(`DROP TABLE ${local}`);
      await main.query('COMMIT');
      moved += rowCount ?? 0;
    } catch (error) {
      await main.query('ROLLBACK');
      throw error;
    }
  }
  await remote.query('ANALYZE');
  for (const year of years) await main.query(`ANALYZE corpus_reports_${year}_remote`);
  return moved;
}
