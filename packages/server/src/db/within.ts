import { sql, type Kysely, type Transaction } from 'kysely';

/**
 * A view of an open transaction whose own `transaction()` runs its callback inside it, so that
 * services which each open a transaction can be composed into one all-or-nothing unit (loading
 * the demo). Kysely refuses `transaction()` on a transaction, and its instances keep their state
 * in private fields, so the view binds every method to the real transaction.
 */
export function within<DB>(trx: Transaction<DB>): Kysely<DB> {
  const nested = {
    execute: <T>(run: (inner: Transaction<DB>) => Promise<T>): Promise<T> => run(trx),
    setIsolationLevel: () => nested,
    setAccessMode: () => nested,
  };
  return new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => nested;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Holds PostgreSQL's advisory lock `key` until the transaction ends: a second transaction taking
 * it waits, so that work which must happen once (loading the demo) happens once.
 */
export async function lockForTransaction<DB>(trx: Transaction<DB>, key: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
}
