import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { keepGroup, type Ready } from './import-group.js';
import type { CorpusOutcome } from './outcome.js';
import { knownShas } from './import/repository.js';

/** Most files written in one transaction: a few round trips for the lot, few enough to redo alone. */
export const GROUP_FILES = 64;

/** Groups written at once: while one waits for its organs' locks or its commit, another is written. */
export const WRITERS = 2;

/**
 * The longest a file read waits for its group to fill: a slow trickle (PDFs, two a second a core)
 * still shows its progress, and a killed run loses little reading.
 */
const GROUP_WAIT_MS = 1000;

type Asked = { resolve: (known: boolean) => void; reject: (error: unknown) => void };

/**
 * The import's database work in one queue, so that reading never waits for it. Which files are
 * stored already: the questions that arrive while one is answered go together in the next, one
 * round trip for many files. The files read: kept a group at a time, up to WRITERS groups at
 * once. A group is written once it is whole (or its first file has waited GROUP_WAIT_MS, or the
 * files have all come), not as soon as a writer is free: each statement costs both sides about
 * the same whatever its rows, and PGlite, answering on this thread, would otherwise take its
 * groups a file at a time. A lane waits only when two groups wait already (memory stays
 * bounded); an error of the database while writing stops the lanes.
 */
export class DatabaseQueue {
  private asked = new Map<string, Asked[]>();
  private asking = false;
  private waiting: Ready[] = [];
  private writing = 0;
  private closing = false;
  /** Set when the first file waiting has waited long enough. */
  private due = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failed: { error: unknown } | undefined;
  /** Lanes waiting for room, and close() waiting for the work to end. */
  private readonly room: (() => void)[] = [];
  private readonly settled: (() => void)[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly batch: number | null,
    private readonly done: (outcome: CorpusOutcome) => void,
  ) {}

  /** Whether a file with these bytes is stored already. */
  has(sha256: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.asked.set(sha256, [...(this.asked.get(sha256) ?? []), { resolve, reject }]);
      this.pump();
    });
  }

  async add(ready: Ready): Promise<void> {
    this.check();
    this.waiting.push(ready);
    this.pump();
    if (this.waiting.length >= 2 * GROUP_FILES) await new Promise<void>((resolve) => this.room.push(resolve));
    this.check();
  }

  /** Waits until every file added is kept. */
  async close(): Promise<void> {
    this.closing = true;
    this.pump();
    while (this.asking || this.writing > 0) await new Promise<void>((resolve) => this.settled.push(resolve));
    this.check();
  }

  private check(): void {
    if (this.failed) throw this.failed.error;
  }

  private pump(): void {
    if (!this.asking && this.asked.size > 0) void this.ask();
    while (
      !this.failed &&
      this.waiting.length > 0 &&
      this.writing < WRITERS &&
      (this.closing || this.due || this.waiting.length >= GROUP_FILES)
    ) {
      this.due = false;
      void this.write(this.waiting.splice(0, GROUP_FILES));
    }
    if (this.waiting.length === 0 || this.failed) {
      clearTimeout(this.timer);
      this.timer = undefined;
    } else if (!this.timer && !this.due) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.due = true;
        this.pump();
      }, GROUP_WAIT_MS);
      this.timer.unref();
    }
    while (this.room.length > 0 && (this.failed || this.waiting.length < 2 * GROUP_FILES)) this.room.shift()?.();
  }

  private async ask(): Promise<void> {
    const asked = this.asked;
    this.asked = new Map();
    this.asking = true;
    try {
      const known = await knownShas(this.db, [...asked.keys()]);
      for (const [sha, waiting] of asked) for (const w of waiting) w.resolve(known.has(sha));
    } catch (error) {
      for (const waiting of asked.values()) for (const w of waiting) w.reject(error);
    }
    this.asking = false;
    this.next();
  }

  private async write(group: readonly Ready[]): Promise<void> {
    this.writing += 1;
    try {
      for (const outcome of await keepGroup(this.db, this.batch, group)) this.done(outcome);
    } catch (error) {
      this.failed ??= { error };
      this.waiting = [];
    }
    this.writing -= 1;
    this.next();
  }

  /** After a round trip: the next work, and whoever waits for it to end. */
  private next(): void {
    this.pump();
    for (const settled of this.settled.splice(0)) settled();
  }
}
