import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileDocx, hostilePdf } from '../../../bench/hostile.js';
import { ENGINES } from './support/databases.js';
import { agencyOfficer, postBytes, type TestClient, type TestServer } from './support/http.js';

/*
 * Issue 11, item 4.2: on the request thread, a 1.7 MB PDF whose page content inflates to 256 MB
 * and a DOCX whose document.xml is 190 MB of XML stalled every request and then took the
 * process down. Uploads are now read on worker threads, within limits.
 */

const PDF = new URL('../../../fixtures/parse/pdf/libreoffice-2021.pdf', import.meta.url);

describe.each(ENGINES)('hostile uploads on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let organ: number;
  beforeAll(async () => {
    ({ server, officer, organ } = await agencyOfficer(engine, '2026-11-23'));
  });
  afterAll(() => server.close());

  it('four at once are each refused with a Chinese 4xx naming the file; health and a normal import still work', async () => {
    const pdf = hostilePdf(256);
    const docx = hostileDocx(190);
    const save = (fileName: string, bytes: Uint8Array) =>
      officer.request('POST', `/api/organs/${organ}/imports`, {
        fileName,
        year: 2025,
        content: Buffer.from(bytes).toString('base64'),
      });
    const [health, ...answers] = await Promise.all([
      server.anonymous().request('GET', '/api/health'),
      postBytes(server, officer, `/api/organs/${organ}/parse?fileName=${encodeURIComponent('炸弹一.pdf')}`, pdf),
      postBytes(server, officer, `/api/organs/${organ}/parse?fileName=${encodeURIComponent('炸弹二.docx')}`, docx),
      save('炸弹三.pdf', pdf),
      save('炸弹四.docx', docx),
    ]);
    expect(health.status).toBe(200);
    const names = ['炸弹一.pdf', '炸弹二.docx', '炸弹三.pdf', '炸弹四.docx'];
    answers.forEach((answer, i) => {
      expect(answer.status, names[i]).toBe(422);
      expect(answer.body.error.code).toBe('unreadable-report');
      expect(answer.body.error.message).toContain(`${names[i]}：`);
      // Named once, not twice.
      expect(answer.body.error.message.split(names[i] as string)).toHaveLength(2);
      expect(answer.body.error.message).toMatch(/解压后超过 32 MB 的上限，文件过大或结构异常/);
    });

    expect((await server.anonymous().request('GET', '/api/health')).status).toBe(200);
    const parsed = await postBytes(
      server,
      officer,
      `/api/organs/${organ}/parse?fileName=report.pdf`,
      new Uint8Array(await readFile(PDF)),
    );
    expect(parsed.status).toBe(200);
    expect(parsed.body.document.kind).toBe('pdf');
    // Nothing of the hostile files was kept.
    expect((await officer.request('GET', `/api/organs/${organ}/imports`)).body.total).toBe(0);
  });
});
