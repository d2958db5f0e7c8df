import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/http.js';

/**
 * Every route that touches an organ's records, tried by everyone who must not use it. Another
 * organ's staff learn nothing (404 as for a record that does not exist); the 政务公开办 reads but
 * never changes (403); the system administrator runs accounts, not cases.
 */
describe.each(ENGINES)('permissions on %s', (engine) => {
  let server: TestServer;
  let applicationId: number;
  let version: number;
  let documentId: number;
  let reviewId: number;
  beforeAll(async () => {
    server = await startTestServer(engine, '2026-03-02');
    const officer = await server.login('officer');
    const created = await officer.request('POST', `/api/organs/${server.organs.agency}/applications`, intake());
    applicationId = created.body.id;
    version = created.body.version;
    const doc = await officer.request('POST', `/api/organs/${server.organs.agency}/documents`, {
      kind: 'normativeDoc',
      title: '相山区安全生产举报奖励办法',
      issuedOn: '2026-01-05',
    });
    documentId = doc.body.id;
    const review = await officer.request('POST', `/api/organs/${server.organs.agency}/reviews`, {
      kind: 'review',
      caseNo: '相政复〔2026〕1号',
      filedOn: '2026-02-02',
    });
    reviewId = review.body.id;
  });
  afterAll(() => server.close());

  type Route = readonly [method: string, url: string, body?: unknown];
  const routes = (): { reads: readonly Route[]; writes: readonly Route[] } => {
    const organ = server.organs.agency;
    return {
      reads: [
        ['GET', `/api/applications/${applicationId}`],
        ['GET', `/api/organs/${organ}/applications`],
        ['GET', `/api/organs/${organ}/applications?queue=overdue`],
        ['GET', `/api/organs/${organ}/dashboard`],
        ['GET', `/api/organs/${organ}/documents`],
        ['GET', `/api/organs/${organ}/figures/2026`],
        ['GET', `/api/organs/${organ}/reviews`],
        ['GET', `/api/organs/${organ}/reports/2025`],
      ],
      writes: [
        ['POST', `/api/organs/${organ}/applications`, intake()],
        [
          'POST',
          `/api/applications/${applicationId}/actions`,
          { version, action: { type: 'withdraw', on: '2026-03-02', note: 'x' } },
        ],
        ['POST', `/api/organs/${organ}/documents`, { kind: 'normativeDoc', title: '某某办法', issuedOn: '2026-01-05' }],
        ['PUT', `/api/documents/${documentId}`, { kind: 'normativeDoc', title: '某某办法', issuedOn: '2026-01-05' }],
        ['PUT', `/api/organs/${organ}/figures/2026`, { version: 0, figures: { 's2.penalty.decisions': 3 } }],
        ['POST', `/api/organs/${organ}/reviews`, { kind: 'review', caseNo: 'x', filedOn: '2026-02-02' }],
        ['PUT', `/api/reviews/${reviewId}`, { kind: 'review', caseNo: 'x', filedOn: '2026-02-02' }],
        ['POST', `/api/organs/${organ}/reports/2025/compile`],
        ['POST', `/api/organs/${organ}/reports/2025/publish`, { version: 1 }],
      ],
    };
  };

  it.each(['otherofficer', 'otherreviewer', 'foreignsupervisor', 'sysadmin'])(
    '%s can neither read nor change the organ’s records by any route',
    async (username) => {
      const client = await server.login(username);
      const { reads, writes } = routes();
      for (const [method, url, body] of [...reads, ...writes]) {
        const response = await client.request(method, url, body);
        expect({ method, url, status: response.status }).toEqual({ method, url, status: 404 });
      }
    },
  );

  it('lets the 政务公开办 read, with the applicant masked, but change nothing', async () => {
    const supervisor = await server.login('supervisor');
    const { reads, writes } = routes();
    for (const [method, url] of reads) expect((await supervisor.request(method, url)).status).toBe(200);
    for (const [method, url, body] of writes) {
      const response = await supervisor.request(method, url, body);
      expect({ url, status: response.status }).toEqual({ url, status: 403 });
    }
    const detail = await supervisor.request('GET', `/api/applications/${applicationId}`);
    expect(detail.body.applicantName).toBe('王**');
    expect(detail.body.applicant).toBeNull();
    expect(detail.body.queryCode).toBeNull();
    expect(detail.body.allowedActions).toEqual([]);
  });

  it('shows the officer the applicant in full', async () => {
    const officer = await server.login('officer');
    const detail = await officer.request('GET', `/api/applications/${applicationId}`);
    expect(detail.body.applicantName).toBe('王小明');
    expect(detail.body.applicant.phone).toBe('13800000000');
  });

  it('writes every change to the audit log and nothing changed by refused requests', async () => {
    const admin = await server.login('sysadmin');
    const log = await admin.request('GET', '/api/audit?pageSize=200');
    const changes = log.body.filter((e: { entity: string }) => e.entity !== 'session');
    const entities = changes.map((e: { entity: string; action: string }) => `${e.entity}:${e.action}`);
    expect(entities).toEqual(
      expect.arrayContaining(['application:intake', 'document:create', 'review:create', 'user:create', 'organ:create']),
    );
    expect(entities.filter((e: string) => e === 'application:intake')).toHaveLength(1);
  });
});
