import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES } from './support/databases.js';
import { agencyOfficer, postBytes, type TestClient, type TestServer } from './support/http.js';

/*
 * The parse pool (@xxgk/node) refuses an upload when every thread is reading and the queue is
 * full (its own test makes it so); here the server is shown to answer that refusal 503, in
 * Chinese, for both ways of sending a report to be read.
 */
vi.mock('@xxgk/node', async (importOriginal) => {
  const node = await importOriginal<typeof import('@xxgk/node')>();
  return {
    ...node,
    parseUpload: (_bytes: Uint8Array, file: string) => Promise.reject(new node.PoolBusyError(file)),
  };
});

describe.each(ENGINES)('uploads while the parse pool is full on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let organ: number;
  beforeAll(async () => {
    ({ server, officer, organ } = await agencyOfficer(engine, '2026-11-23'));
  });
  afterAll(() => server.close());

  it('are answered 503 in Chinese, the file named, and nothing is kept', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7');
    const parsed = await postBytes(server, officer, `/api/organs/${organ}/parse?fileName=report.pdf`, bytes);
    const saved = await officer.request('POST', `/api/organs/${organ}/imports`, {
      fileName: '报告.pdf',
      year: 2025,
      content: Buffer.from(bytes).toString('base64'),
    });
    for (const [answer, file] of [
      [parsed, 'report.pdf'],
      [saved, '报告.pdf'],
    ] as const) {
      expect(answer.status).toBe(503);
      expect(answer.body.error).toEqual({
        code: 'busy',
        message: `服务器正在读取其他上传的文件，暂时无法读取 ${file}，请稍后再试`,
      });
    }
    expect((await officer.request('GET', `/api/organs/${organ}/imports`)).body.total).toBe(0);
  });
});
