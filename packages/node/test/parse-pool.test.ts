import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ParseError, type Source } from '@xxgk/core';
import { hostileDocx } from '../../../bench/hostile.js';
import { ParsePool, PoolBusyError, UPLOAD_PARSING, type ParsePoolOptions } from '../src/parse-pool.js';

const PDF = new URL('../../../fixtures/parse/pdf/libreoffice-2021.pdf', import.meta.url);

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected the read to fail');
    },
    (error: Error) => error,
  );
}

describe('the parse pool that reads uploads on worker threads', () => {
  let pool: ParsePool | undefined;
  const make = (options: Partial<ParsePoolOptions>) => (pool = new ParsePool({ ...UPLOAD_PARSING, ...options }));
  afterEach(() => pool?.close());

  it('reads a report on a worker thread, leaving the caller’s bytes intact', async () => {
    const bytes = new Uint8Array(await readFile(PDF));
    const parsed = await make({}).parse(bytes, '报告.pdf');
    expect(parsed.source).toBe('pdf');
    expect(Object.keys(parsed.report.cells).length).toBeGreaterThan(50);
    expect(parsed.document.nodes.length).toBeGreaterThan(10);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('a reader’s ParseError crosses the thread with its code and the file named', async () => {
    const error = await failure(make({}).parse(hostileDocx(190), '炸弹.docx'));
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).code).toBe('zip-bomb');
    expect(error.message).toMatch(/^炸弹\.docx：DOCX 文件中的 word\/document\.xml 解压后超过 32 MB 的上限/);
    // The reason apart from the file, for a caller that names the file otherwise.
    expect((error as ParseError).file).toBe('炸弹.docx');
    expect(error.message).toBe(`炸弹.docx：${(error as ParseError).reason}`);
  });

  it('answers a bulk import only the figures: no document, no prose, no file name in each source', async () => {
    const figures = await make({}).parseFigures(new Uint8Array(await readFile(PDF)), '报告.pdf');
    expect(Object.keys(JSON.parse(figures.json.cells) as object).length).toBeGreaterThan(50);
    expect(figures).not.toHaveProperty('document');
    expect(figures.report).not.toHaveProperty('sections');
    const sources = Object.values(JSON.parse(figures.json.sources) as Record<string, Source | undefined>);
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.filter((source) => source?.file !== undefined || source?.page === undefined)).toEqual([]);
  });

  it('a worker out of memory fails that read in Chinese, and a new worker reads the next file', async () => {
    // 31 MB of XML passes the readers' limits and needs about 270 MB of heap: more than 128.
    const reader = make({ threads: 1, memoryMb: 128 });
    const error = await failure(reader.parse(hostileDocx(31), '炸弹.docx'));
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).code).toBe('too-large');
    expect(error.message).toBe('炸弹.docx：读取时超出内存上限，文件过大或结构异常，已停止读取');
    const parsed = await reader.parse(new Uint8Array(await readFile(PDF)), '报告.pdf');
    expect(parsed.source).toBe('pdf');
  });

  it('a read past its wall-clock limit is stopped, its worker terminated', async () => {
    const error = await failure(
      make({ timeMs: 1, scanTimeMs: 0 }).parse(new Uint8Array(await readFile(PDF)), '报告.pdf'),
    );
    expect((error as ParseError).code).toBe('timeout');
    expect(error.message).toMatch(/^报告\.pdf：读取超过 .* 秒仍未完成，文件过大或结构异常，已停止读取$/);
  });

  it('an answer over the output limit is refused', async () => {
    const error = await failure(
      make({ maxOutputChars: 10_000 }).parse(new Uint8Array(await readFile(PDF)), '报告.pdf'),
    );
    expect((error as ParseError).code).toBe('too-large');
    expect(error.message).toBe('报告.pdf：读取结果超过 10 KB 的上限，文件过大或结构异常，已停止读取');
  });

  it('reads at most `threads` at once with at most `queue` waiting; one more is refused in Chinese', async () => {
    const bytes = new Uint8Array(await readFile(PDF));
    const reader = make({ threads: 1, queue: 1 });
    const results = await Promise.allSettled([1, 2, 3].map((n) => reader.parse(bytes, `报告${n}.pdf`)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const busy = (results[2] as PromiseRejectedResult).reason as PoolBusyError;
    expect(busy).toBeInstanceOf(PoolBusyError);
    expect(busy.code).toBe('busy');
    expect(busy.message).toBe('服务器正在读取其他上传的文件，暂时无法读取 报告3.pdf，请稍后再试');
    // The places are given back: the pool reads again.
    expect((await reader.parse(bytes, '报告4.pdf')).source).toBe('pdf');
  });
});
