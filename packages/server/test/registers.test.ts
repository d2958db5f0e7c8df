import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

interface Page<T> {
  total: number;
  items: T[];
}
interface DocumentRow {
  id: number;
  title: string;
  number: string | null;
}
interface ReviewRow {
  id: number;
  caseNo: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The 25 documents the agency imports: one a day from 1 to 25 February 2025. */
const agencyTitle = (n: number) => `相山区应急管理规范性文件${pad(n)}`;
const AGENCY_CSV = [
  '类别,文号,标题,制发日期,废止日期',
  ...Array.from(
    { length: 25 },
    (_, i) => `行政规范性文件,相应急〔2025〕${i + 1}号,${agencyTitle(i + 1)},2025-02-${pad(i + 1)},`,
  ),
].join('\n');

/** The other agency's register, in the order registered; the last two share a date. */
const OTHER_DOCUMENTS = [
  {
    kind: 'regulation',
    number: '相政〔2019〕7号',
    title: '相山区烟花爆竹燃放管理规定',
    issuedOn: '2019-06-01',
    repealedOn: '2023-12-31',
  },
  {
    kind: 'normativeDoc',
    number: '相教〔2022〕5号',
    title: '学生资助资金兑现办法（100%兑现）',
    issuedOn: '2022-03-01',
    repealedOn: '2024-06-30',
  },
  { kind: 'normativeDoc', title: '校园 Wi-Fi 网络管理办法', issuedOn: '2025-05-06' },
  { kind: 'normativeDoc', number: '相教〔2026〕1号', title: '相山区中小学课后服务管理办法', issuedOn: '2026-01-10' },
  { kind: 'normativeDoc', number: '相教〔2026〕2号', title: '相山区中小学课后服务收费办法', issuedOn: '2026-01-10' },
] as const;
const [FIREWORKS, GRANTS, WIFI, AFTER_SCHOOL, AFTER_SCHOOL_FEES] = OTHER_DOCUMENTS.map((d) => d.title);

describe.each(ENGINES)('registers paged on the server on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let otherOfficer: TestClient;
  let agency: number;
  let otherAgency: number;
  let applicationSerialNo: string;
  const reviewIds: Record<string, number> = {};

  async function titles(client: TestClient, organ: number, query = ''): Promise<string[]> {
    const response = await client.request<Page<DocumentRow>>('GET', `/api/organs/${organ}/documents${query}`);
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(response.body.items.length);
    return response.body.items.map((d) => d.title);
  }

  async function caseNumbers(query = ''): Promise<string[]> {
    const response = await officer.request<Page<ReviewRow>>('GET', `/api/organs/${agency}/reviews${query}`);
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(response.body.items.length);
    return response.body.items.map((r) => r.caseNo);
  }

  beforeAll(async () => {
    server = await startTestServer(engine, '2026-03-02');
    officer = await server.login('officer');
    otherOfficer = await server.login('otherofficer');
    agency = server.organs.agency;
    otherAgency = server.organs.otherAgency;

    const imported = await officer.request('POST', `/api/organs/${agency}/documents/import?dryRun=false`, AGENCY_CSV);
    expect(imported.body).toMatchObject({ saved: 25, errors: [] });
    for (const document of OTHER_DOCUMENTS) {
      const saved = await otherOfficer.request('POST', `/api/organs/${otherAgency}/documents`, document);
      expect(saved.status).toBe(201);
    }

    const application = await officer.request(
      'POST',
      `/api/organs/${agency}/applications`,
      intake({ submittedOn: '2026-01-05', receivedOn: '2026-01-06' }),
    );
    applicationSerialNo = application.body.serialNo;
    const cases = [
      {
        kind: 'review',
        caseNo: '相政复〔2025〕3号',
        filedOn: '2025-04-10',
        concludedOn: '2025-06-01',
        result: 'upheld',
      },
      { kind: 'suit', caseNo: '（2025）皖0603行初9号', filedOn: '2025-11-11' },
      { kind: 'suitAfterReview', caseNo: '（2026）皖06行终2号', filedOn: '2026-01-20' },
      { kind: 'review', caseNo: '相政复〔2026〕1号', filedOn: '2026-01-20', applicationId: application.body.id },
    ];
    for (const review of cases) {
      const saved = await officer.request('POST', `/api/organs/${agency}/reviews`, review);
      expect(saved.status).toBe(201);
      reviewIds[review.caseNo] = saved.body.id;
    }
  });
  afterAll(() => server.close());

  it('pages the documents on the server, newest first', async () => {
    const path = `/api/organs/${agency}/documents`;
    const first = await officer.request<Page<DocumentRow>>('GET', `${path}?page=1&pageSize=10`);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(25);
    expect(first.body.items.map((d) => d.title)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16].map(agencyTitle));
    const third = await officer.request<Page<DocumentRow>>('GET', `${path}?page=3&pageSize=10`);
    expect(third.body.total).toBe(25);
    expect(third.body.items.map((d) => d.title)).toEqual([5, 4, 3, 2, 1].map(agencyTitle));
    const beyond = await officer.request<Page<DocumentRow>>('GET', `${path}?page=4&pageSize=10`);
    expect(beyond.body).toEqual({ total: 25, items: [] });
    // Without paging parameters: the first 20.
    const defaults = await officer.request<Page<DocumentRow>>('GET', path);
    expect(defaults.body.items).toHaveLength(20);
    expect(defaults.body.items[0]).toEqual({
      id: expect.any(Number),
      organId: agency,
      kind: 'normativeDoc',
      number: '相应急〔2025〕25号',
      title: agencyTitle(25),
      issuedOn: '2025-02-25',
      repealedOn: null,
    });
  });

  it('orders documents of the same date by the later registered first', async () => {
    expect(await titles(otherOfficer, otherAgency)).toEqual([AFTER_SCHOOL_FEES, AFTER_SCHOOL, WIFI, GRANTS, FIREWORKS]);
  });

  it('finds documents by a part of the title or the 文号, any case, with % and _ taken literally', async () => {
    const search = (q: string) => titles(otherOfficer, otherAgency, `?q=${encodeURIComponent(q)}`);
    expect(await search('课后服务')).toEqual([AFTER_SCHOOL_FEES, AFTER_SCHOOL]);
    expect(await search('相政〔2019〕')).toEqual([FIREWORKS]);
    expect(await search('相教〔2026〕2')).toEqual([AFTER_SCHOOL_FEES]);
    expect(await search('wi-fi')).toEqual([WIFI]);
    expect(await search('  烟花爆竹  ')).toEqual([FIREWORKS]);
    expect(await search('%')).toEqual([GRANTS]);
    expect(await search('_')).toEqual([]);
    expect(await search('没有这样的文件')).toEqual([]);
    // A blank search is no search.
    expect(await search('   ')).toHaveLength(5);
  });

  it('filters documents by whether a repeal is registered, and by year', async () => {
    const list = (query: string) => titles(otherOfficer, otherAgency, query);
    expect(await list('?status=inForce')).toEqual([AFTER_SCHOOL_FEES, AFTER_SCHOOL, WIFI]);
    expect(await list('?status=repealed')).toEqual([GRANTS, FIREWORKS]);
    expect(await list(`?status=repealed&q=${encodeURIComponent('办法')}`)).toEqual([GRANTS]);
    // A year's register: issued by its end and not repealed before its start.
    expect(await list('?year=2023')).toEqual([GRANTS, FIREWORKS]);
    expect(await list('?year=2024')).toEqual([GRANTS]);
    expect(await list('?year=2025')).toEqual([WIFI]);
    expect(await list('?year=2026&status=inForce')).toEqual([AFTER_SCHOOL_FEES, AFTER_SCHOOL, WIFI]);
  });

  it('pages and filters the reviews, latest filed first', async () => {
    expect(await caseNumbers()).toEqual([
      '相政复〔2026〕1号',
      '（2026）皖06行终2号',
      '（2025）皖0603行初9号',
      '相政复〔2025〕3号',
    ]);
    expect(await caseNumbers('?kind=review')).toEqual(['相政复〔2026〕1号', '相政复〔2025〕3号']);
    expect(await caseNumbers('?kind=suit')).toEqual(['（2025）皖0603行初9号']);
    expect(await caseNumbers('?kind=suitAfterReview')).toEqual(['（2026）皖06行终2号']);
    expect(await caseNumbers(`?q=${encodeURIComponent('皖06')}`)).toEqual([
      '（2026）皖06行终2号',
      '（2025）皖0603行初9号',
    ]);
    expect(await caseNumbers(`?kind=review&q=${encodeURIComponent('〔2025〕')}`)).toEqual(['相政复〔2025〕3号']);
    const second = await officer.request<Page<ReviewRow>>('GET', `/api/organs/${agency}/reviews?page=2&pageSize=3`);
    expect(second.body.total).toBe(4);
    expect(second.body.items.map((r) => r.caseNo)).toEqual(['相政复〔2025〕3号']);
  });

  it('answers a registered or changed case as the list shows it', async () => {
    const [linked] = (await officer.request<Page<ReviewRow>>('GET', `/api/organs/${agency}/reviews?pageSize=1`)).body
      .items;
    expect(linked).toEqual({
      id: reviewIds['相政复〔2026〕1号'],
      kind: 'review',
      caseNo: '相政复〔2026〕1号',
      applicationId: expect.any(Number),
      applicationSerialNo,
      filedOn: '2026-01-20',
      concludedOn: null,
      result: null,
      note: null,
    });
    const concluded = await officer.request('PUT', `/api/reviews/${reviewIds['（2025）皖0603行初9号']}`, {
      kind: 'suit',
      caseNo: '（2025）皖0603行初9号',
      filedOn: '2025-11-11',
      concludedOn: '2026-02-26',
      result: 'corrected',
      note: '判决责令重新答复',
    });
    expect(concluded.status).toBe(200);
    expect(concluded.body).toEqual({
      id: reviewIds['（2025）皖0603行初9号'],
      kind: 'suit',
      caseNo: '（2025）皖0603行初9号',
      applicationId: null,
      applicationSerialNo: null,
      filedOn: '2025-11-11',
      concludedOn: '2026-02-26',
      result: 'corrected',
      note: '判决责令重新答复',
    });
  });

  it('answers the year’s figures with the cells of its format, and none for a year before the formats', async () => {
    const figures = await officer.request('GET', `/api/organs/${agency}/figures/2026`);
    expect(figures.body).toMatchObject({ year: 2026, format: '2021', figures: {}, version: 0 });
    expect(figures.body.cells).toContain('s2.penalty.decisions');
    const saved = await officer.request('PUT', `/api/organs/${agency}/figures/2026`, {
      version: 0,
      figures: { 's2.penalty.decisions': 12 },
    });
    expect(saved.body).toEqual({ year: 2026, figures: { 's2.penalty.decisions': 12 }, version: 1 });
    const before = await officer.request('GET', `/api/organs/${agency}/figures/2018`);
    expect(before.body).toEqual({ year: 2018, format: null, cells: [], figures: {}, version: 0 });
  });

  it('refuses a page size over 200, a status or a kind it does not know, naming the field in Chinese', async () => {
    const tooBig = await officer.request('GET', `/api/organs/${agency}/documents?pageSize=500`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.message).toMatch(/^pageSize：.*[\u4e00-\u9fff]/);
    expect(tooBig.body.error.details[0].path).toBe('pageSize');
    const status = await officer.request('GET', `/api/organs/${agency}/documents?status=current`);
    expect(status.status).toBe(400);
    expect(status.body.error.message).toMatch(/^status：.*[\u4e00-\u9fff]/);
    const kind = await officer.request('GET', `/api/organs/${agency}/reviews?kind=appeal&pageSize=500`);
    expect(kind.status).toBe(400);
    expect(kind.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['kind', 'pageSize']);
  });

  it('shows another organ’s registers to nobody of this one (404)', async () => {
    for (const path of [`/api/organs/${agency}/documents`, `/api/organs/${agency}/reviews`]) {
      const response = await otherOfficer.request('GET', `${path}?q=${encodeURIComponent('相')}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    expect((await officer.request('GET', `/api/organs/${otherAgency}/documents`)).status).toBe(404);
  });
});
