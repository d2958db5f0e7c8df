import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFiles, countyFiles, writeCorpus } from '../../server/test/support/corpus.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../server/test/support/databases.js';
import { root, xxgk } from './support.js';

const BIN = join(root, 'packages/cli/bin/xxgk.js');

async function counts(database: TestDatabase) {
  const { rows } = await sql<{ files: number; shas: number; reports: number; keys: number; current: number }>`
    select (select count(*)::int from corpus_files) as files,
      (select count(distinct sha256)::int from corpus_files) as shas,
      (select count(*)::int from corpus_reports) as reports,
      (select count(distinct (organ_id, year, version))::int from corpus_reports) as keys,
      (select count(*)::int from corpus_reports where current) as current`.execute(database.db);
  return rows[0] as { files: number; shas: number; reports: number; keys: number; current: number };
}

describe.each(ENGINES)('xxgk corpus import on %s', (engine) => {
  let dir: string;
  let database: TestDatabase | undefined;
  let args: string[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xxgk-corpus-'));
    const files = corpusFiles([2020, 2021, 2022, 2023]);
    await writeCorpus(join(dir, 'reports'), files.slice(0, 16));
    // The rest in an archive, in a folder, with a damaged report and a macOS resource fork beside them.
    const zip = zipSync({
      ...Object.fromEntries(files.slice(16).map((f) => [`年度报告/${f.name}`, f.bytes])),
      '年度报告/damaged.docx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      '__MACOSX/年度报告/._x.txt': new Uint8Array([1]),
    });
    await mkdir(join(dir, 'zips'));
    await writeFile(join(dir, 'zips/download.zip'), zip);
    if (engine === 'postgres') {
      database = await openTestDatabase('postgres');
      args = ['--database', database.url as string];
    } else {
      process.env.XXGK_DATA_DIR = join(dir, 'data');
      args = [];
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it('imports folders and ZIP archives, then imports them again as nothing new', async () => {
    const first = await xxgk('corpus', 'import', join(dir, 'reports'), join(dir, 'zips'), '-j', '2', ...args);
    expect(first.err).toContain('共 21 个文件：读取 20 个、失败 1 个、待复核 0 个、已存在 0 个');
    expect(first.err).toMatch(/失败：.*download\.zip.*damaged\.docx/u);
    expect(first.code).toBe(2);
    const again = await xxgk('corpus', 'import', join(dir, 'reports'), join(dir, 'zips'), '-j', '2', ...args);
    expect(again.err).toContain('共 21 个文件：读取 0 个、失败 0 个、待复核 0 个、已存在 21 个');
    expect(again.code).toBe(0);
  });
});

describe.runIf(ENGINES.includes('postgres'))('xxgk corpus import killed with SIGKILL', () => {
  let database: TestDatabase;
  let dir: string;
  const total = 400;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    dir = await mkdtemp(join(tmpdir(), 'xxgk-corpus-kill-'));
    await writeCorpus(dir, countyFiles(total));
  });
  afterAll(() => database.close());

  const importing = () =>
    spawn(process.execPath, [BIN, 'corpus', 'import', dir, '--database', database.url as string, '-j', '2'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });

  it('resumes on the next run with every file there exactly once', async () => {
    const child = importing();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Killed once some files are committed, well before all are.
    for (let polls = 0; ; polls += 1) {
      const { files } = await counts(database);
      if (files >= 30) break;
      if (polls > 1200) throw new Error(`导入未开始：已有 ${files} 个文件`);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await exited;
    const killed = await counts(database);
    expect(killed.files).toBeGreaterThanOrEqual(30);
    expect(killed.files).toBeLessThan(total);
    // Each committed file has its report: nothing half-written.
    expect(killed.reports).toBe(killed.files);

    const rerun = importing();
    let err = '';
    rerun.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => rerun.on('exit', resolve));
    expect(err).toContain(
      `共 ${total} 个文件：读取 ${total - killed.files} 个、失败 0 个、待复核 0 个、已存在 ${killed.files} 个`,
    );
    expect(code).toBe(0);
    expect(await counts(database)).toEqual({ files: total, shas: total, reports: total, keys: total, current: total });
    const batches = await database.db
      .selectFrom('corpus_batches')
      .select(['total', 'finished_at'])
      .orderBy('id')
      .execute();
    expect(batches.map((b) => [b.total, b.finished_at !== null])).toEqual([
      [total, false],
      [total, true],
    ]);
  });
});
