import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { ParseError, type ParsedReport, type ParseLimits } from '@xxgk/core';
import { HttpError } from '../http/errors.js';
import type { ParseOutcome, ParseTask } from './parse-worker.js';

/**
 * Uploaded reports are read on worker threads (piscina, as `xxgk parse` reads files), never on
 * the request thread: pdf.js and the DOCX reader can spend seconds in one synchronous stretch on
 * a hostile file, and only a thread can be stopped. Each read is bounded four ways — the readers'
 * own limits (size, inflated parts, pages, time), the worker's heap, a wall-clock limit after
 * which the worker is terminated and replaced, and the size of the answer — and at most
 * `threads` run at once with at most `queue` waiting, so hostile uploads cannot hold the
 * request thread or queue work without end.
 */
export interface ParsePoolOptions {
  /** Reads at once, each on its own worker thread. */
  readonly threads: number;
  /** Uploads that may wait for a thread; one more is answered 503. */
  readonly queue: number;
  /** The V8 heap of a worker (old generation), in MB; past it the worker dies and the read fails. */
  readonly memoryMb: number;
  /** Wall-clock time of one read, in ms, after which its worker is terminated. */
  readonly timeMs: number;
  /** The longest the read report may be as JSON, in characters. */
  readonly maxOutputChars: number;
  /** The readers' limits (core `ParseLimits`); their time limit should end before `timeMs`. */
  readonly limits: Partial<ParseLimits>;
}

/*
 * Real reports are a few MB and read in under a second (about 65 KB of JSON for four pages,
 * under 100 MB of heap), so these limits are far above what they need. The heap limit leaves
 * room for the largest part the readers let through (32 MiB of XML takes about 270 MB to read):
 * V8 stops a worker cleanly at its limit while it allocates small objects, but one allocation
 * far past it (a string of hundreds of MB, which the readers' part limit rules out) would end
 * the whole process. One core is left to the request thread.
 */
export const UPLOAD_PARSING: ParsePoolOptions = {
  threads: Math.max(1, Math.min(4, availableParallelism() - 1)),
  queue: 8,
  memoryMb: 512,
  timeMs: 30_000,
  maxOutputChars: 8 * 1024 * 1024,
  limits: { timeoutMs: 20_000 },
};

/** The worker's module, built: from src/ (tests) and from dist/ alike it is dist/runtime/parse-worker.js. */
const WORKER = new URL('../../dist/runtime/parse-worker.js', import.meta.url).href;

export class ParsePool {
  private pool: Piscina | undefined;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly options: ParsePoolOptions = UPLOAD_PARSING) {}

  /** Reads `bytes` as a report on a worker thread; throws ParseError (a 422) or a 503 HttpError when busy. */
  async parse(bytes: Uint8Array, file: string): Promise<ParsedReport> {
    if (this.running < this.options.threads) this.running += 1;
    else if (this.waiting.length >= this.options.queue) {
      throw new HttpError(503, 'busy', `服务器正在读取其他上传的文件，暂时无法读取 ${file}，请稍后再试`);
    } else {
      // The thread that finishes hands its place over (see below), so `running` stays counted.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await this.run(bytes, file);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Stops the worker threads (after the reads under way). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }

  private threadPool(): Piscina {
    this.pool ??= new Piscina({
      filename: WORKER,
      minThreads: 1,
      maxThreads: this.options.threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    });
    return this.pool;
  }

  private async run(bytes: Uint8Array, file: string): Promise<ParsedReport> {
    const { limits, maxOutputChars, timeMs } = this.options;
    /*
     * The bytes are copied to the worker (structured clone), not moved: the caller's stay usable,
     * and the copy in transit is not one more ArrayBuffer on this thread, whose growing external
     * memory makes V8 collect garbage here, in the request thread, more often.
     */
    const task: ParseTask = { bytes, file, limits, maxOutputChars };
    // Started only once a thread is free, so the time is the read's own, not the wait's.
    const signal = AbortSignal.timeout(timeMs);
    let outcome: ParseOutcome;
    try {
      outcome = await this.threadPool().run(task, { signal });
    } catch (error) {
      throw workerFailure(error, signal.aborted, file, timeMs);
    }
    if (!outcome.ok) throw new ParseError(outcome.code, outcome.message);
    return JSON.parse(outcome.json) as ParsedReport;
  }
}

/** A read that ended its worker: terminated at the time limit, out of memory, or a reader's bug. */
function workerFailure(error: unknown, timedOut: boolean, file: string, timeMs: number): ParseError {
  if (timedOut) {
    return new ParseError('timeout', `读取超过 ${timeMs / 1000} 秒仍未完成，文件过大或结构异常，已停止读取`, file);
  }
  if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ParseError('too-large', '读取时超出内存上限，文件过大或结构异常，已停止读取', file);
  }
  // Whatever a file makes a reader do, the person who sent it gets a 4xx that names it.
  return new ParseError('corrupt', '读取时出错，文件可能已损坏或结构异常', file);
}

let shared: ParsePool | undefined;

/** Reads an uploaded report on the server's parse pool (see ParsePool). */
export function parseUpload(bytes: Uint8Array, file: string): Promise<ParsedReport> {
  shared ??= new ParsePool();
  return shared.parse(bytes, file);
}

/** Stops the server's parse pool, if it was started. */
export async function closeParsePool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
