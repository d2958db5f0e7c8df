import { renderText, type Report } from '@xxgk/core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { CorpusInput } from '../../src/features/corpus/import.js';
import { CorpusService } from '../../src/features/corpus/service.js';
import type { Engine } from '../../src/db/database.js';
import { openTestDatabase, type TestDatabase } from './databases.js';

export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Files held in memory as the import's inputs (what a folder or a ZIP gives it). */
export const corpusInputs = (files: readonly NamedBytes[]): CorpusInput[] =>
  files.map((f) => ({ name: f.name, read: async () => ({ bytes: f.bytes }) }));

/** A report as a text file of one cell per line. */
export const textFile = (name: string, report: Report): NamedBytes => ({
  name,
  bytes: new TextEncoder().encode(renderText(report, 'lines')),
});

/**
 * A database of `engine` and the corpus service on it, for one test file: opened before its tests,
 * closed after them. `importFiles` imports one batch and expects every file read.
 */
export function corpusSession(engine: Engine): {
  readonly database: TestDatabase;
  readonly corpus: CorpusService;
  importFiles(label: string, files: readonly NamedBytes[]): Promise<void>;
} {
  const session = {
    database: undefined as unknown as TestDatabase,
    corpus: undefined as unknown as CorpusService,
    async importFiles(label: string, files: readonly NamedBytes[]) {
      const batch = await session.corpus.startBatch(null, label, files.length);
      const summary = await session.corpus.importCorpusFiles(corpusInputs(files), { batch });
      expect(summary).toMatchObject({ read: files.length, failed: 0 });
    },
  };
  beforeAll(async () => {
    session.database = await openTestDatabase(engine);
    session.corpus = new CorpusService(session.database.db, { threads: 2 });
  });
  afterAll(async () => {
    await session.corpus?.close();
    await session.database?.close();
  });
  return session;
}
