import type { Kysely, Transaction } from 'kysely';

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
