import { resolve } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { CorpusService, openDatabase, type CorpusOutcome, type CorpusSummary } from '@xxgk/server';
import { corpusInputs } from '../corpus-inputs.js';
import { CliError, EXIT } from '../errors.js';
import type { Output } from '../output.js';

export interface CorpusImportOptions {
  /** A PostgreSQL connection string; else DATABASE_URL; else the embedded database in XXGK_DATA_DIR. */
  readonly database?: string;
  readonly jobs?: string;
  readonly label?: string;
  readonly progress?: boolean;
}

/** The database the server would use: DATABASE_URL, else PGlite in XXGK_DATA_DIR (default xxgk-data). */
function databaseOf(options: CorpusImportOptions, env: NodeJS.ProcessEnv) {
  const url = options.database ?? env.DATABASE_URL;
  if (url) return { options: { url, poolSize: 8 }, where: 'PostgreSQL' };
  const dataDir = resolve(env.XXGK_DATA_DIR ?? 'xxgk-data');
  return { options: { dataDir }, where: `PGlite（${dataDir}，请先停止使用同一目录的服务端）` };
}

/** 读取 N、失败 N、待复核 N、已存在 N, then each failed and each review file with its reason. */
function summaryText(total: number, summary: CorpusSummary, notes: readonly CorpusOutcome[]): string {
  const lines = [
    `共 ${total} 个文件：读取 ${summary.read} 个、失败 ${summary.failed} 个、待复核 ${summary.review} 个、已存在 ${summary.existing} 个`,
  ];
  for (const note of notes) lines.push(`${note.status === 'failed' ? '失败' : '待复核'}：${note.reason ?? note.file}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `xxgk corpus import DIR|ZIP|FILE… [--database URL]`: reads published reports into the corpus on
 * every core. Rerunning the same command after an interruption (even kill -9) resumes: the files
 * already kept are skipped by their SHA-256. Exit code 2 when a file failed, 1 when some need review.
 */
export async function corpusImport(
  paths: readonly string[],
  options: CorpusImportOptions,
  output: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const inputs = await corpusInputs(paths);
  if (inputs.length === 0) throw new CliError('没有找到要导入的文件');
  const jobs = options.jobs ? Number.parseInt(options.jobs, 10) : undefined;
  if (jobs !== undefined && !(jobs > 0)) throw new CliError(`--jobs 应为正整数，而不是“${options.jobs}”`);
  const target = databaseOf(options, env);
  output.err(`导入到 ${target.where}\n`);
  const database = await openDatabase(target.options);
  const corpus = new CorpusService(database.db, jobs ? { threads: jobs } : {});
  const bar =
    options.progress !== false && process.stderr.isTTY === true
      ? new SingleBar(
          {
            format: '导入 {bar} {value}/{total} 个文件 | 读取 {read} 失败 {failed} 待复核 {review} 已存在 {existing}',
            stream: process.stderr,
          },
          Presets.shades_classic,
        )
      : undefined;
  const counts = { read: 0, failed: 0, review: 0, existing: 0 };
  const notes: CorpusOutcome[] = [];
  try {
    const batch = await corpus.startBatch(null, options.label ?? paths.join(' '), inputs.length);
    bar?.start(inputs.length, 0, counts);
    const summary = await corpus.importCorpusFiles(inputs, {
      batch,
      onFile: (outcome) => {
        counts[outcome.status] += 1;
        if (outcome.status === 'failed' || outcome.status === 'review') notes.push(outcome);
        bar?.increment(1, counts);
      },
    });
    bar?.stop();
    await database.analyze();
    output.err(summaryText(inputs.length, summary, notes));
    return summary.failed > 0 ? EXIT.unusable : summary.review > 0 ? EXIT.findings : EXIT.ok;
  } finally {
    bar?.stop();
    await corpus.close();
    await database.close();
  }
}
