import { availableParallelism } from 'node:os';
import { Presets, SingleBar } from 'cli-progress';
import { Piscina } from 'piscina';
import { DEFAULT_LIMITS, flatCells, renderCellsCsv, SEVERITY_LABELS, type ParseLimits } from '@xxgk/core';
import { CliError, EXIT } from '../errors.js';
import { collectFiles } from '../files.js';
import { writeOutput } from '../io.js';
import type { Output } from '../output.js';
import type { FileResult } from '../parse-file.js';

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

type ParsedOk = Extract<FileResult, { ok: true }>;

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

/** One line of --cells: the public contract of cells.md. */
function cellsLine(result: ParsedOk): string {
  const flat = flatCells(result.report, result.findings);
  return JSON.stringify({
    file: result.file,
    agency: flat.agency,
    year: flat.year,
    format: flat.format,
    cells: flat.cells,
    inferred: flat.inferred ?? [],
    findings: flat.findings ?? [],
  });
}

function summaryText(result: ParsedOk): string {
  const { meta } = result.report;
  const lines = [
    `${result.file}：${meta.agency || '（未找到机关）'} ${meta.year}年度 ${meta.format === 'unknown' ? '非国家格式' : `${meta.format} 格式`}（${result.source.toUpperCase()}，${Object.keys(result.report.cells).length} 个单元格）`,
  ];
  for (const finding of result.findings)
    lines.push(`  ${SEVERITY_LABELS[finding.severity]}  ${finding.rule}  ${finding.message}`);
  return `${lines.join('\n')}\n`;
}

function explain(result: ParsedOk, cellId: string): string {
  const value = result.report.cells[cellId];
  if (value === undefined) return `${result.file}：报告中没有单元格 ${cellId}\n`;
  const source = result.report.provenance?.[cellId];
  const where = source
    ? [
        source.page ? `第 ${source.page} 页` : '',
        source.line ? `第 ${source.line} 行` : '',
        source.table !== undefined ? `第 ${source.table + 1} 个表格` : '',
        source.row !== undefined ? `第 ${source.row + 1} 行` : '',
        source.column !== undefined ? `第 ${source.column + 1} 列` : '',
      ]
        .filter(Boolean)
        .join('')
    : '';
  const inferred = result.report.inferred?.includes(cellId) ? '（由正文推断）' : '';
  return `${result.file}：${cellId} = ${value === null ? '空' : value}${inferred}\n  出处：${where || '未知'}\n  原文：${source?.text ?? '（无）'}\n`;
}

/** The worker's module, built: from src/ (tests) and from dist/ alike it is dist/parse-worker.js. */
const WORKER = new URL('../../dist/parse-worker.js', import.meta.url).href;

/**
 * Reads every file on worker threads, even a single file: pdf.js can spend seconds in one
 * synchronous stretch on a damaged font, and only a thread can be stopped at the time limit.
 */
async function runAll(
  files: readonly string[],
  limits: ParseLimits,
  jobs: number,
  onDone: (result: FileResult) => void,
): Promise<FileResult[]> {
  const pool = new Piscina({
    filename: WORKER,
    maxThreads: jobs,
    minThreads: Math.min(jobs, files.length),
    // A file that exhausts memory kills its worker, not the batch.
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  try {
    return await Promise.all(
      files.map(async (file) => {
        // The extractors keep to the time limit where they can; this is the backstop for the rest.
        const signal = AbortSignal.timeout(limits.timeoutMs + 5_000);
        const result: FileResult = await pool.run({ file, limits }, { signal }).catch((error: Error) => {
          const timedOut = error.name === 'AbortError' || signal.aborted;
          return {
            ok: false as const,
            file,
            code: timedOut ? 'timeout' : 'internal',
            message: timedOut
              ? `${file}：读取超时（超过 ${limits.timeoutMs / 1000} 秒）`
              : `${file}：读取时出错（${error.message}）`,
          };
        });
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
  const results = await runAll(files, limits, jobs, (result) => {
    if (!result.ok) failed += 1;
    bar?.increment(1, { failed });
  });
  bar?.stop();

  const ok = results.filter((result): result is ParsedOk => result.ok);
  let text: string;
  if (options.explain) {
    text = ok.map((result) => explain(result, options.explain as string)).join('');
  } else if (options.cells) {
    text = ok.map((result) => `${cellsLine(result)}\n`).join('');
  } else if (options.json) {
    text = ok
      .map(
        (result) =>
          `${JSON.stringify({ file: result.file, source: result.source, report: result.report, findings: result.findings })}\n`,
      )
      .join('');
  } else if (options.csv) {
    text = renderCellsCsv(
      ok.map((result) => result.report),
      ok.map((result) => result.file),
    );
  } else {
    text = ok.map(summaryText).join('');
  }
  if (options.output) await writeOutput(options.output, text);
  else output.out(text);

  for (const result of results) if (!result.ok) output.err(`xxgk：${result.message}\n`);
  if (files.length > 1 || failed > 0) {
    output.err(`共 ${files.length} 个文件：读取 ${ok.length} 个，失败 ${failed} 个\n`);
  }
  return failed > 0 ? EXIT.unusable : EXIT.ok;
}
