import { parseReport, ParseError, DEFAULT_LIMITS } from '@xxgk/core';
import { archiveEntries, reportFigures } from '@xxgk/node';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveInputs, type ReadReportFile } from '../src/features/corpus/import.js';
import { CorpusService } from '../src/features/corpus/service.js';
import { corpusFiles } from './support/corpus.js';
import { corpusInputs } from './support/corpus-session.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/databases.js';

/** The offset of `part` in `bytes`. */
function indexOf(bytes: Uint8Array, part: Uint8Array): number {
  for (let i = 0; i + part.length <= bytes.length; i += 1) if (part.every((b, j) => bytes[i + j] === b)) return i;
  throw new Error('not found');
}

/**
 * A download of three reports, stored uncompressed: one whole, one with a byte of its data
 * changed (its CRC-32 no longer matches), one marked encrypted in the central directory.
 */
function damagedArchive(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  const [whole, damaged, encrypted] = files as [(typeof files)[number], (typeof files)[number], (typeof files)[number]];
  const zip = zipSync({
    'whole.txt': [whole.bytes, { level: 0 }],
    'damaged.txt': [damaged.bytes, { level: 0 }],
    'encrypted.txt': [encrypted.bytes, { level: 0 }],
  });
  const at = indexOf(zip, damaged.bytes.subarray(0, 64));
  zip[at + 10] = (zip[at + 10] as number) ^ 0xff;
  const name = new TextEncoder().encode('encrypted.txt');
  // The central directory's record of the entry: its signature 46 bytes before the name, its flags at 8.
  for (let i = zip.length - name.length; i > 0; i -= 1) {
    if (name.every((b, j) => zip[i + j] === b) && zip[i - 46] === 0x50 && zip[i - 45] === 0x4b && zip[i - 44] === 1) {
      zip[i - 46 + 8] = (zip[i - 46 + 8] as number) | 1;
      break;
    }
  }
  return zip;
}

describe.each(ENGINES)('importing files that fail on %s', (engine) => {
  let database: TestDatabase;
  const files = corpusFiles([2021, 2022]);
  const reads = new Map<string, number>();
  let reading = 0;
  let busyAtRetry: number | undefined;
  /** Reads in this thread, as the pool would; 0-2021 runs out of time once, 1-2021 every time. */
  const read: ReadReportFile = async (bytes, file) => {
    const times = (reads.get(file) ?? 0) + 1;
    reads.set(file, times);
    if (file === '0-2021.txt' && times === 2) busyAtRetry = reading;
    reading += 1;
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if ((file === '0-2021.txt' && times === 1) || file === '1-2021.txt')
        throw new ParseError('timeout', '读取超过 30 秒仍未完成，文件过大或结构异常，已停止读取', file);
      const parsed = reportFigures(await parseReport(bytes, { file }));
      // A year misread as far past any the database can hold: its report row is refused.
      if (file === '2-2021.txt')
        return { ...parsed, report: { ...parsed.report, meta: { ...parsed.report.meta, year: 3e9 } } };
      return parsed;
    } finally {
      reading -= 1;
    }
  };
  let corpus: CorpusService;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    corpus = new CorpusService(database.db, { threads: 2, read });
  });
  afterAll(async () => {
    await corpus.close();
    await database.close();
  });

  const row = (name: string) =>
    database.db
      .selectFrom('corpus_files')
      .select(['status', 'error', 'content'])
      .where('file_name', '=', name)
      .executeTakeFirst();

  it('tries a timed-out read once more, alone; keeps a group whose one file the database refuses', async () => {
    const batch = await corpus.startBatch(null, 'failures', files.length);
    const summary = await corpus.importCorpusFiles(corpusInputs(files), { batch });
    expect(summary).toEqual({ read: files.length - 2, review: 0, failed: 2, existing: 0 });
    // Read a second time with no other file being read.
    expect(reads.get('0-2021.txt')).toBe(2);
    expect(busyAtRetry).toBe(0);
    expect(await row('0-2021.txt')).toMatchObject({ status: 'read', error: null });
    // Timed out twice: failed, named, after the second try.
    expect(reads.get('1-2021.txt')).toBe(2);
    expect(await row('1-2021.txt')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^1-2021\.txt：读取超过/),
    });
    // Refused by the database: recorded as failed with why; the files read with it all kept.
    expect(await row('2-2021.txt')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^2-2021\.txt：无法存入语料库/),
    });
    const reports = await database.db.selectFrom('corpus_reports').select('file_id').execute();
    expect(reports).toHaveLength(files.length - 2);
  });

  it('records an archive entry that cannot be unpacked as failed, naming the archive and the entry', async () => {
    const reports = corpusFiles([2024], 21).slice(0, 3);
    const zip = damagedArchive(reports);
    const entries = () => archiveInputs(archiveEntries(zip, 'download.zip', DEFAULT_LIMITS.maxBytes));
    const batch = await corpus.startBatch(null, 'archive', 3);
    const outcomes: string[] = [];
    const summary = await corpus.importCorpusFiles(entries(), { batch, onFile: (o) => outcomes.push(o.reason ?? '') });
    expect(summary).toEqual({ read: 1, review: 0, failed: 2, existing: 0 });
    const damaged = await row('download.zip/damaged.txt');
    expect(damaged).toMatchObject({ status: 'failed', content: null });
    expect(damaged?.error).toMatch(/^download\.zip\/damaged\.txt：.*已损坏/u);
    const encrypted = await row('download.zip/encrypted.txt');
    expect(encrypted?.error).toMatch(/^download\.zip\/encrypted\.txt：.*已加密/u);
    expect(outcomes.filter((reason) => reason.includes('download.zip'))).toHaveLength(2);
    // The same archive again: every entry known, the broken ones too.
    const again = await corpus.startBatch(null, 'archive again', 3);
    expect(await corpus.importCorpusFiles(entries(), { batch: again })).toEqual({
      read: 0,
      review: 0,
      failed: 0,
      existing: 3,
    });
  });
});
