import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ParseError } from '@xxgk/core';
import type { ArchiveEntry, ReportFigures } from '@xxgk/node';
import type { Database } from '../../db/schema.js';
import type { Ready } from './import-group.js';
import { DatabaseQueue, GROUP_FILES } from './import-queue.js';
import type { CorpusOutcome } from './outcome.js';

/** One file to import: its name (a path, or `archive.zip/inner/name`) and a way to get its bytes. */
export interface CorpusInput {
  readonly name: string;
  /**
   * The file's bytes; for a file over the size limit (not read into memory) its SHA-256, size and
   * the reader's refusal instead, so that it is still recorded once, as failed.
   */
  read(): Promise<{ readonly bytes: Uint8Array } | CorpusRefusal>;
}

export interface CorpusRefusal {
  readonly sha256: string;
  readonly size: number;
  readonly error: ParseError;
}

export type { CorpusOutcome, CorpusStatus } from './outcome.js';

/** Reads a file's bytes as a report, what the corpus keeps of it (the worker pool in production). */
export type ReadReportFile = (bytes: Uint8Array, file: string) => Promise<ReportFigures>;

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The reason a file failed, naming it once. */
const failure = (file: string, error: ParseError): string => `${file}：${error.reason}`;

/**
 * The reports in an archive as files to import. An entry that cannot be unpacked (damaged,
 * encrypted, inflating past the size limit) is still recorded once, as failed: it is known by the
 * SHA-256 of its bytes as the archive stores them, so that importing the archive again finds it.
 */
export function archiveInputs(entries: readonly ArchiveEntry[]): CorpusInput[] {
  return entries.map((entry) => ({
    name: entry.name,
    read: async () => {
      try {
        return { bytes: entry.read() };
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        const stored = entry.stored();
        const key = stored.length > 0 ? stored : new TextEncoder().encode(entry.name);
        // Named by the entry (`archive.zip/inner/name`) rather than by the archive alone.
        return { sha256: sha256Of(key), size: entry.size, error: new ParseError(error.code, error.reason, entry.name) };
      }
    },
  }));
}

/** A batch's counts as the summary gives them. */
export interface CorpusSummary {
  read: number;
  review: number;
  failed: number;
  existing: number;
}

export const emptySummary = (): CorpusSummary => ({ read: 0, review: 0, failed: 0, existing: 0 });

/** A file fetched ahead of reading: its bytes (or why they could not be had), hashed. */
interface Fetched {
  readonly file: string;
  readonly got: { readonly bytes: Uint8Array } | CorpusRefusal;
  readonly sha256: string;
  /** Kept before, or the same bytes as a file before it in the batch. */
  readonly known: boolean;
}

/** Files fetched ahead of the lanes: one lookup answers as many (see fetchAhead). */
const LOOKAHEAD = GROUP_FILES / 2;

/** The next files' bytes, fetched and hashed together, and which of them are stored already. */
async function fetchChunk(files: Iterator<CorpusInput>, queue: DatabaseQueue, seen: Set<string>): Promise<Fetched[]> {
  const inputs: CorpusInput[] = [];
  for (let next = files.next(); !next.done; next = files.next()) {
    inputs.push(next.value);
    if (inputs.length >= LOOKAHEAD) break;
  }
  const fetched = await Promise.all(
    inputs.map(async ({ name, read }) => {
      const got = await read().catch((error: unknown) => {
        if (error instanceof ParseError) return { sha256: '', size: 0, error };
        throw error;
      });
      return { file: name, got, sha256: 'error' in got ? got.sha256 : sha256Of(got.bytes) };
    }),
  );
  return Promise.all(
    fetched.map(async (f) => {
      // The same bytes twice in one batch, or kept before: one file.
      if (!f.sha256 || seen.has(f.sha256)) return { ...f, known: f.sha256 !== '' };
      seen.add(f.sha256);
      return { ...f, known: await queue.has(f.sha256) };
    }),
  );
}

/**
 * The files, fetched a chunk ahead of the lanes that read them: the lanes then ask the database
 * which are stored already once a chunk rather than once a file each.
 */
async function* fetchAhead(inputs: Iterable<CorpusInput>, queue: DatabaseQueue): AsyncGenerator<Fetched> {
  const files = inputs[Symbol.iterator]();
  const seen = new Set<string>();
  let pending = fetchChunk(files, queue, seen);
  for (;;) {
    const chunk = await pending;
    if (chunk.length === 0) return;
    pending = fetchChunk(files, queue, seen);
    // Awaited on the next turn; until then a failure must not count as unhandled.
    pending.catch(() => undefined);
    yield* chunk;
  }
}

type ReadAt = { readonly file: string; readonly sha256: string; readonly bytes: Uint8Array };

/**
 * Imports the files: fetched ahead (fetchAhead), read on the worker pool (twice as many lanes as
 * threads, so that a thread never waits while its next file is handed over) while the files read
 * are kept a group at a time (DatabaseQueue). A file whose bytes are known is skipped
 * (idempotent: the same file twice is one report). Only a ParseError (the file's own fault) is a
 * failure; anything else (the database gone) stops the batch. A read that ran out of time is
 * tried once more at the end, alone on the pool, before it is recorded as failed: the pool being
 * busy may have caused it.
 */
export async function importAll(
  db: Kysely<Database>,
  read: ReadReportFile,
  inputs: Iterable<CorpusInput>,
  options: { readonly batch: number | null; readonly threads: number; readonly onFile?: (o: CorpusOutcome) => void },
): Promise<CorpusSummary> {
  const summary = emptySummary();
  const done = (outcome: CorpusOutcome) => {
    summary[outcome.status] += 1;
    options.onFile?.(outcome);
  };
  const queue = new DatabaseQueue(db, options.batch, done);
  const timedOut: ReadAt[] = [];
  const readFile = async (at: ReadAt, again: boolean) => {
    try {
      return { parsed: await read(at.bytes, at.file) };
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      if (error.code === 'timeout' && !again) return undefined;
      return { failure: failure(at.file, error) };
    }
  };
  const files = fetchAhead(inputs, queue);
  const lane = async (): Promise<void> => {
    for (let next = await files.next(); !next.done; next = await files.next()) {
      const { file, got, sha256, known } = next.value;
      if (known) done({ file, status: 'existing' });
      else if (!('error' in got)) {
        const at = { file, sha256, bytes: got.bytes };
        const outcome = await readFile(at, false);
        if (outcome) await queue.add({ ...at, size: at.bytes.length, read: outcome });
        else timedOut.push(at);
      } else if (!sha256) done({ file, status: 'failed', reason: failure(file, got.error) });
      else await queue.add({ file, sha256, bytes: null, size: got.size, read: { failure: failure(file, got.error) } });
    }
  };
  await Promise.all(Array.from({ length: 2 * Math.max(1, options.threads) }, lane));
  for (const at of timedOut) {
    await queue.add({ ...at, size: at.bytes.length, read: (await readFile(at, true)) as Ready['read'] });
  }
  await queue.close();
  return summary;
}
