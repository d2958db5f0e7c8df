import type { DatabaseConnection, Dialect, Driver } from 'kysely';

/**
 * The most bind parameters one statement may carry. PostgreSQL's protocol counts them in 16
 * bits, and PGlite, sent more than 32,767, answered every later query of the process with no
 * rows (while still saying it was fine). Bulk writes go in batches well below it.
 */
export const MAX_PARAMETERS = 32_767;

/** Rows of `columns` values each per INSERT, so that a batch stays far below the limit. */
export function batchesOf<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / 4 / Math.max(1, columns)));
  const batches: T[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
  return batches;
}

/** Thrown before a statement with too many parameters reaches the database. */
export class TooManyParametersError extends Error {
  override readonly name = 'TooManyParametersError';
}

function guardConnection(connection: DatabaseConnection): DatabaseConnection {
  return {
    executeQuery: (query) => {
      if (query.parameters.length > MAX_PARAMETERS)
        throw new TooManyParametersError(`一条 SQL 语句有 ${query.parameters.length} 个参数，超过 ${MAX_PARAMETERS}`);
      return connection.executeQuery(query);
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  };
}

/**
 * The dialect with a guard on every statement: a query that would break the connection (see
 * MAX_PARAMETERS) fails alone, and the database goes on answering everyone else.
 */
export function guardedDialect(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => guardedDriver(dialect.createDriver()),
  };
}

function guardedDriver(driver: Driver): Driver {
  // The driver gets back the connection it made: its transaction and release calls use it.
  const inner = new WeakMap<DatabaseConnection, DatabaseConnection>();
  const unwrap = (connection: DatabaseConnection) => inner.get(connection) ?? connection;
  return {
    init: () => driver.init(),
    acquireConnection: async () => {
      const connection = await driver.acquireConnection();
      const guarded = guardConnection(connection);
      inner.set(guarded, connection);
      return guarded;
    },
    beginTransaction: (connection, settings) => driver.beginTransaction(unwrap(connection), settings),
    commitTransaction: (connection) => driver.commitTransaction(unwrap(connection)),
    rollbackTransaction: (connection) => driver.rollbackTransaction(unwrap(connection)),
    releaseConnection: (connection) => driver.releaseConnection(unwrap(connection)),
    destroy: () => driver.destroy(),
    ...savepoints(driver, unwrap),
  };
}

function savepoints(driver: Driver, unwrap: (connection: DatabaseConnection) => DatabaseConnection): Partial<Driver> {
  const { savepoint, rollbackToSavepoint, releaseSavepoint } = driver;
  return {
    ...(savepoint ? { savepoint: (c, name, compile) => savepoint.call(driver, unwrap(c), name, compile) } : {}),
    ...(rollbackToSavepoint
      ? { rollbackToSavepoint: (c, name, compile) => rollbackToSavepoint.call(driver, unwrap(c), name, compile) }
      : {}),
    ...(releaseSavepoint
      ? { releaseSavepoint: (c, name, compile) => releaseSavepoint.call(driver, unwrap(c), name, compile) }
      : {}),
  };
}
