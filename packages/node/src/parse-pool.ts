import { availableParallelism } from 'node:os';
import { ParseError, type ParsedReport, type ParseLimits } from '@xxgk/core';
import { OCR_LIMITS } from './ocr/index.js';
import type { ParseOutcome, ParseTask } from './parse-worker.js';
import type { ReportFigures } from './report-figures.js';
import { WorkerFailure, WorkerPool, type WorkerFailureReason } from './worker-pool.js';

/**
 * Uploaded reports are read on worker threads (a WorkerPool, as `xxgk parse` reads files), never on
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
  /** Uploads that may wait for a thread; one more is refused (PoolBusyError, which the server answers 503). */
  readonly queue: number;
  /** The V8 heap of a worker (old generation), in MB; past it the worker dies and the read fails. */
  readonly memoryMb: number;
  /**
   * Wall-clock time of one read, in ms, after which its worker is terminated (a PDF gets
   * `scanTimeMs` more).
   */
  readonly timeMs: number;
  /**
   * Time added to a PDF's `timeMs`: it may be a scan, read by OCR (seconds a page). By default
   * OCR's own limit, `OCR_LIMITS.maxPages × OCR_LIMITS.pageMs` (10 minutes).
   */
  readonly scanTimeMs?: number;
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

/** The worker's module, built: from src/ (tests) and from dist/ alike it is dist/parse-worker.js. */
const WORKER = new URL('../dist/parse-worker.js', import.meta.url).href;

/** Every thread is reading and the queue is full: try again later (the server answers 503). */
export class PoolBusyError extends Error {
  override readonly name = 'PoolBusyError';
  readonly code = 'busy';
  constructor(readonly file: string) {
    super(`服务器正在读取其他上传的文件，暂时无法读取 ${file}，请稍后再试`);
  }
}

export class ParsePool {
  private readonly pool: WorkerPool<ParseTask, ParseOutcome>;

  constructor(readonly options: ParsePoolOptions = UPLOAD_PARSING) {
    const { threads, memoryMb, timeMs } = options;
    this.pool = new WorkerPool({ worker: WORKER, threads, minThreads: 1, memoryMb, timeMs, idleTimeoutMs: 60_000 });
  }

  /** Reads `bytes` as a report on a worker thread; throws ParseError, or PoolBusyError when busy. */
  async parse(bytes: Uint8Array, file: string): Promise<ParsedReport> {
    return JSON.parse((await this.read(bytes, file, true)).json) as ParsedReport;
  }

  /** Reads `bytes` as parse() does, answering only the figures, their sources and the findings. */
  async parseFigures(bytes: Uint8Array, file: string): Promise<ReportFigures> {
    const { json, texts } = await this.read(bytes, file, false);
    return { ...(JSON.parse(json) as Omit<ReportFigures, 'json'>), json: texts as ReportFigures['json'] };
  }

  private async read(bytes: Uint8Array, file: string, whole: boolean) {
    if (this.pool.busy && this.pool.queued >= this.options.queue) throw new PoolBusyError(file);
    const { limits, maxOutputChars } = this.options;
    /*
     * The bytes are copied to the worker (structured clone), not moved: the caller's stay usable,
     * and the copy in transit is not one more ArrayBuffer on this thread, whose growing external
     * memory makes V8 collect garbage here, in the request thread, more often.
     */
    let outcome: ParseOutcome;
    try {
      outcome = await this.pool.run({ bytes, file, limits, maxOutputChars, whole }, taskTime(bytes, this.options));
    } catch (error) {
      if (error instanceof WorkerFailure) throw workerFailure(error.reason, file, taskTime(bytes, this.options));
      throw error;
    }
    if (!outcome.ok) throw new ParseError(outcome.code, outcome.reason, outcome.file);
    return outcome;
  }

  /** Stops the worker threads (after the reads under way). */
  close(): Promise<void> {
    return this.pool.close();
  }
}

/** A PDF may be a scan, read by OCR: its time limit is the pool's plus the scan's. */
function taskTime(bytes: Uint8Array, options: ParsePoolOptions): number {
  const pdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  const scan = options.scanTimeMs ?? OCR_LIMITS.maxPages * OCR_LIMITS.pageMs;
  return pdf ? options.timeMs + scan : options.timeMs;
}

/** A read that ended its worker: terminated at the time limit, out of memory, or a reader's bug. */
function workerFailure(reason: WorkerFailureReason, file: string, timeMs: number): ParseError {
  if (reason === 'timeout') {
    return new ParseError(
      'timeout',
      `读取超过 ${Math.round(timeMs / 1000)} 秒仍未完成，文件过大或结构异常，已停止读取`,
      file,
    );
  }
  if (reason === 'out-of-memory') {
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
