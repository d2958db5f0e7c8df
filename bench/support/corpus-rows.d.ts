/** Types of bench/support/corpus-rows.js, which the server's tests import. */
import type { ClientBase } from 'pg';
import type { CorpusOptions } from '@xxgk/core';

export declare function corpusRows(options: CorpusOptions): Generator<Record<string, Record<string, unknown>>>;
export declare function loadCorpus(
  client: ClientBase,
  options: CorpusOptions,
  batch?: number,
  onProgress?: (done: number, total: number) => void,
): Promise<{ organs: number; reports: number }>;
