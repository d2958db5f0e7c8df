import { availableParallelism } from 'node:os';
import { Presets, SingleBar } from 'cli-progress';
import { cellsCsvHeader, DEFAULT_LIMITS, type ParseLimits } from '@xxgk/core';
import { OCR_LIMITS, WorkerPool, type WorkerFailure } from '@xxgk/node';
import { CliError, EXIT } from '../errors.js';
import { collectFiles } from '../files.js';
import { writeOutput } from '../io.js';
import type { Output } from '../output.js';
import type { FileResult } from '../parse-file.js';
import type { OutputMode } from '../parse-output.js';
import type { FileTask } from '../parse-worker.js';

export interface ParseCommandOptions {
  readonly json?: boolean;
  readonly cells?: boolean;
  readonly csv?: boolean;
  readonly output?: string;
  readonly explain?: string;
  /** Worker threads; defaults to every core. */
  readonly jobs?: string;
  readonly timeout?: string;
  readonly maxSize?: string;
  /** False (--no-progress) to never draw the progress bar; it is drawn only on a terminal anyway. */
  readonly progress?: boolean;
}

function limitsFrom(options: ParseCommandOptions): ParseLimits {
  const positive = (text: string | undefined, name: string): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new CliError(`${name} 应为正数，而不是“${text}”`);
    return value;
  };
  const seconds = positive(options.timeout, '--timeout');
  const megabytes = positive(options.maxSize, '--max-size');
  return {
    ...DEFAULT_LIMITS,
    ...(seconds ? { timeoutMs: seconds * 1000 } : {}),
    ...(megabytes ? { maxBytes: megabytes * 1024 * 1024 } : {}),
  };
}

/** The worker's module, built: from src/ (tests) and from dist/ alike it is dist/parse-worker.js. */
const WORKER = new URL('../../dist/parse-worker.js', import.meta.url).href;

/**
 * Reads every file on worker threads, even a single file: pdf.js can spend seconds in one
 * synchronous stretch on a damaged font, and only a thread can be stopped at the time limit.
 */
async function runAll(
  files: readonly string[],
  task: Omit<FileTask, 'file'>,
  jobs: number,
  onDone: (result: FileResult) => void,
): Promise<FileResult[]> {
  const { limits } = task;
  const pool = new WorkerPool<FileTask, FileResult>({
    worker: WORKER,
    threads: jobs,
    minThreads: Math.min(jobs, files.length),
    // A file that exhausts memory kills its worker, not the batch.
    memoryMb: 1024,
    /*
     * The extractors keep to the time limit where they can; this is the backstop for the rest.
     * A scan is read by OCR, seconds a page, within limits of its own (pages × time a page).
     */
    timeMs: limits.timeoutMs + 5_000 + OCR_LIMITS.maxPages * OCR_LIMITS.pageMs,
  });
  try {
    return await Promise.all(
      files.map(async (file) => {
        const result = await pool.run({ file, ...task }).catch((error: WorkerFailure): FileResult => ({
          ok: false,
          file,
          code: error.reason === 'timeout' ? 'timeout' : 'internal',
          message:
            error.reason === 'timeout'
              ? `${file}：读取超时（超过 ${limits.timeoutMs / 1000} 秒）`
              : `${file}：读取时出错（${error.message}）`,
        }));
        onDone(result);
        return result;
      }),
    );
  } finally {
    await pool.destroy();
  }
}

/** `xxgk parse FILE|DIR… [--json | --cells | --csv] [-o OUT] [--explain CELL]`. */
export async function parse(paths: readonly string[], options: ParseCommandOptions, output: Output): Promise<number> {
  const modes = [options.json, options.cells, options.csv].filter(Boolean).length;
  if (modes > 1) throw new CliError('--json、--cells、--csv 只能选一个');
  const limits = limitsFrom(options);
  const files = await collectFiles(paths);
  if (files.length === 0) throw new CliError('没有找到要读取的文件');
  const jobs = options.jobs ? Math.max(1, Number.parseInt(options.jobs, 10) || 1) : availableParallelism();

  const showProgress = options.progress !== false && process.stderr.isTTY === true && files.length > 1;
  const bar = showProgress
    ? new SingleBar(
        { format: '读取 {bar} {value}/{total} 个文件 | 失败 {failed}', stream: process.stderr },
        Presets.shades_classic,
      )
    : undefined;
  let failed = 0;
  bar?.start(files.length, 0, { failed });
  const mode: OutputMode = options.explain
    ? 'explain'
    : options.cells
      ? 'cells'
      : options.json
        ? 'json'
        : options.csv
          ? 'csv'
          : 'summary';
  const results = await runAll(
    files,
    { limits, mode, ...(options.explain ? { explain: options.explain } : {}) },
    jobs,
    (result) => {
      if (!result.ok) failed += 1;
      bar?.increment(1, { failed });
    },
  );
  bar?.stop();

  const ok = results.filter((result): result is Extract<FileResult, { ok: true }> => result.ok);
  const body = ok.map((result) => result.text).join('');
  // A byte-order mark lets Excel, which most officers open CSV with, read the file as UTF-8.
  const text = mode === 'csv' ? `\uFEFF${cellsCsvHeader(true)}${body}` : body;
  if (options.output) await writeOutput(options.output, text);
  else output.out(text);

  for (const result of results) if (!result.ok) output.err(`xxgk：${result.message}\n`);
  if (files.length > 1 || failed > 0) {
    output.err(`共 ${files.length} 个文件：读取 ${ok.length} 个，失败 ${failed} 个\n`);
  }
  return failed > 0 ? EXIT.unusable : EXIT.ok;
}
