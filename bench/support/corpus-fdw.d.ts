/** Types of bench/support/corpus-fdw.js, which the server's tests import. */
import type { ClientBase } from 'pg';

export declare function moveYearsToServer(
  main: ClientBase,
  remote: ClientBase,
  options: { port: number; remoteDb?: string; years: readonly number[] },
): Promise<number>;
