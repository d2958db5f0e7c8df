import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ParseError, type ParsedReport } from '@xxgk/core';
import type { ArchiveEntry } from '@xxgk/node';
import type { Database } from '../../db/schema.js';
import { keepGroup, type Ready } from './import-group.js';
import type { CorpusOutcome } from './outcome.js';
import { knownShas } from './import/repository.js';

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

/** Reads a file's bytes as a report (the worker pool in production). */
export type ReadReportFile = (bytes: Uint8Array, file: string) => Promise<ParsedReport>;

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The reason a file failed, naming it once (the reader's message may name it already). */
function failure(file: string, error: ParseError): string {
  return error.message.startsWith(`${file}：`) ? error.message : `${file}：${error.message}`;
}

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
        const named = error.file ? error.message.slice(`${error.file}：`.length) : error.message;
        return { sha256: sha256Of(key), size: entry.size, error: new ParseError(error.code, named, entry.name) };
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

/** Most files written in one transaction: a few round trips for the lot, few enough to redo alone. */
export const GROUP_FILES = 64;

/**
 * Asks which files are stored already, the questions of all lanes that arrive while one is
 * answered going together in the next: one round trip for many files.
 */
class KnownFiles {
  private asked = new Map<string, { resolve: (known: boolean) => void; reject: (error: unknown) => void }[]>();
  private asking = false;

  constructor(private readonly db: Kysely<Database>) {}

  has(sha256: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.asked.set(sha256, [...(this.asked.get(sha256) ?? []), { resolve, reject }]);
      if (!this.asking) void this.ask();
    });
  }

  private async ask(): Promise<void> {
    this.asking = true;
    while (this.asked.size > 0) {
      const asked = this.asked;
      this.asked = new Map();
      try {
        const known = await knownShas(this.db, [...asked.keys()]);
        for (const [sha, waiting] of asked) for (const w of waiting) w.resolve(known.has(sha));
      } catch (error) {
        for (const waiting of asked.values()) for (const w of waiting) w.reject(error);
      }
    }
    this.asking = false;
  }
}

/**
 * Keeps read files a group at a time, one group after another, while the lanes go on reading:
 * what was read while a group was written is the next group. A lane waits only when as much again
 * as a group is waiting already (memory stays bounded); an error of the database stops the lanes.
 */
class GroupWriter {
  private waiting: Ready[] = [];
  private readonly room: (() => void)[] = [];
  private writing: Promise<void> | undefined;
  private failed: { error: unknown } | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly batch: number | null,
    private readonly done: (outcome: CorpusOutcome) => void,
  ) {}

  async add(ready: Ready): Promise<void> {
    this.check();
    this.waiting.push(ready);
    this.writing ??= this.write();
    if (this.waiting.length >= 2 * GROUP_FILES) await new Promise<void>((resolve) => this.room.push(resolve));
    this.check();
  }

  /** Waits until every file added is kept. */
  async close(): Promise<void> {
    await this.writing;
    this.check();
  }

  private check(): void {
    if (this.failed) throw this.failed.error;
  }

  private async write(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, GROUP_FILES);
        this.release();
        for (const outcome of await keepGroup(this.db, this.batch, group)) this.done(outcome);
      }
    } catch (error) {
      this.failed = { error };
      this.waiting = [];
    } finally {
      this.writing = undefined;
      this.release(true);
    }
  }

  private release(all = false): void {
    while (this.room.length > 0 && (all || this.waiting.length < 2 * GROUP_FILES)) this.room.shift()?.();
  }
}

/**
 * Imports the files: read on the worker pool (twice as many lanes as threads, so that a thread
 * never waits while its next file's bytes are fetched and looked up) while the files read are
 * kept a group at a time (GroupWriter). A file whose bytes are known is skipped (idempotent: the
 * same file twice is one report). Only a ParseError (the file's own fault) is a failure; anything
 * else (the database gone) stops the batch. A read that ran out of time is tried once more at the
 * end, alone on the pool, before it is recorded as failed: the pool being busy may have caused it.
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
  const writer = new GroupWriter(db, options.batch, done);
  const known = new KnownFiles(db);
  const seen = new Set<string>();
  const timedOut: { file: string; sha256: string; bytes: Uint8Array }[] = [];
  const readFile = async (at: { file: string; sha256: string; bytes: Uint8Array }, again: boolean) => {
    try {
      return { parsed: await read(at.bytes, at.file) };
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      if (error.code === 'timeout' && !again) return undefined;
      return { failure: failure(at.file, error) };
    }
  };
  const queue = inputs[Symbol.iterator]();
  const lane = async (): Promise<void> => {
    for (let next = queue.next(); !next.done; next = queue.next()) {
      const file = next.value.name;
      const got = await next.value.read().catch((error: unknown) => {
        if (error instanceof ParseError) return { sha256: '', size: 0, error };
        throw error;
      });
      if ('error' in got && !got.sha256) {
        done({ file, status: 'failed', reason: failure(file, got.error) });
        continue;
      }
      const sha256 = 'error' in got ? got.sha256 : sha256Of(got.bytes);
      // The same bytes twice in one batch, or kept before: one file.
      if (seen.has(sha256) || (seen.add(sha256), await known.has(sha256))) {
        done({ file, status: 'existing' });
        continue;
      }
      if ('error' in got) {
        await writer.add({ file, sha256, bytes: null, size: got.size, read: { failure: failure(file, got.error) } });
        continue;
      }
      const at = { file, sha256, bytes: got.bytes };
      const outcome = await readFile(at, false);
      if (outcome) await writer.add({ ...at, size: at.bytes.length, read: outcome });
      else timedOut.push(at);
    }
  };
  await Promise.all(Array.from({ length: 2 * Math.max(1, options.threads) }, lane));
  for (const at of timedOut) {
    await writer.add({ ...at, size: at.bytes.length, read: (await readFile(at, true)) as Ready['read'] });
  }
  await writer.close();
  return summary;
}
