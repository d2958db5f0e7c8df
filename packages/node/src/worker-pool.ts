import { Piscina } from 'piscina';

/*
 * Reports are read on worker threads (piscina), by the server for uploads and by `xxgk parse` for
 * files: pdf.js and the DOCX reader can spend seconds in one synchronous stretch on a hostile
 * file, and only a thread can be stopped. This pool runs one task per thread, bounds each by a
 * V8 heap and a wall-clock limit (after which its worker is terminated and replaced), and says
 * why a task ended its worker; what the task is, and what a failure means, is the caller's.
 */
export interface WorkerPoolOptions {
  /** The worker's module (built JavaScript), whose default export runs one task. */
  readonly worker: string;
  /** Tasks at once, each on its own thread. */
  readonly threads: number;
  /** Threads started at once and kept (default 1). */
  readonly minThreads?: number;
  /** The V8 heap of a worker (old generation), in MB; past it the worker dies and the task fails. */
  readonly memoryMb: number;
  /** Wall-clock time of one task, in ms, after which its worker is terminated. */
  readonly timeMs: number;
  /** How long a thread above `minThreads` may idle before it ends, in ms (piscina's default otherwise). */
  readonly idleTimeoutMs?: number;
}

/** Why a task ended its worker. */
export type WorkerFailureReason = 'timeout' | 'out-of-memory' | 'crashed';

/** A task that did not come back: stopped at the time limit, out of memory, or thrown out of the worker. */
export class WorkerFailure extends Error {
  override readonly name = 'WorkerFailure';
  constructor(
    readonly reason: WorkerFailureReason,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export class WorkerPool<Task, Result> {
  private pool: Piscina | undefined;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly options: WorkerPoolOptions) {}

  /** Tasks waiting for a thread. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Whether every thread has a task, so that the next one waits. */
  get busy(): boolean {
    return this.running >= this.options.threads;
  }

  /**
   * Runs `task` on a thread (waiting for a free one); throws WorkerFailure if it did not come back.
   * `timeMs` overrides the pool's time limit for this task (a scan, read by OCR, takes longer).
   */
  async run(task: Task, timeMs = this.options.timeMs): Promise<Result> {
    if (this.running < this.options.threads) this.running += 1;
    // The thread that finishes hands its place over (see below), so `running` stays counted.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      // Started only once a thread is free, so the time is the task's own, not the wait's.
      const signal = AbortSignal.timeout(timeMs);
      try {
        return (await this.threads().run(task, { signal })) as Result;
      } catch (error) {
        throw new WorkerFailure(failureReason(error, signal.aborted), error);
      }
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Stops the threads after the tasks under way. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }

  /** Stops the threads now. */
  async destroy(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  private threads(): Piscina {
    const { worker, threads, minThreads, memoryMb, idleTimeoutMs } = this.options;
    this.pool ??= new Piscina({
      filename: worker,
      minThreads: minThreads ?? 1,
      maxThreads: threads,
      ...(idleTimeoutMs === undefined ? {} : { idleTimeout: idleTimeoutMs }),
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    return this.pool;
  }
}

function failureReason(error: unknown, timedOut: boolean): WorkerFailureReason {
  if (timedOut || (error as { name?: string }).name === 'AbortError') return 'timeout';
  if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return 'out-of-memory';
  return 'crashed';
}

/*
 * pdf.js, run in a worker thread, leaves a stray rejected promise behind on some damaged PDFs
 * (mozilla/pdf.js#8608) after the read itself has ended in a ParseError. An unhandled rejection
 * would end the thread and fail whichever file it reads next, so a thread that only ever reads
 * files lets pdf.js's own exceptions go (and only those).
 */
export function ignorePdfJsLeaks(): void {
  process.on('unhandledRejection', (reason) => {
    const name = (reason as { name?: string } | undefined)?.name ?? '';
    if (!/Exception$|^FormatError$/.test(name)) throw reason;
  });
}
