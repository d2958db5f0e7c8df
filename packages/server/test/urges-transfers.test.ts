import { DEFAULT_LIMITS } from '@xxgk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocx } from '../../core/src/parse/extract/docx/index.js';
import { demoProse } from '../src/demo/prose.js';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

async function docxText(bytes: Uint8Array): Promise<string> {
  return JSON.stringify(await extractDocx(bytes, { file: 'letter.docx', limits: DEFAULT_LIMITS }));
}

describe.each(ENGINES)('催办 and 转办 on %s', (engine) => {
  let server: TestServer;
  let supervisor: TestClient;
  let officer: TestClient;
  let otherOfficer: TestClient;
  beforeAll(async () => {
    server = await startTestServer(engine, '2026-03-02');
    supervisor = await server.login('supervisor');
    officer = await server.login('officer');
    otherOfficer = await server.login('otherofficer');
  });
  afterAll(() => server.close());

  const audit = (entity: string, id: number) =>
    server.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'after'])
      .where('entity', '=', entity)
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();

  it('sends a 催办 to an organ whose report is late, and records its answer', async () => {
    const { agency } = server.organs;
    // 2025's report was due 2026-01-31: the agency has published none.
    const sent = await supervisor.request('POST', '/api/urges', {
      organId: agency,
      reason: 'lateReport',
      year: 2025,
      message: '请于本周内发布2025年度报告',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      organName: '相山区应急管理局',
      reasonText: '2025年度政府信息公开工作年度报告逾期未发布',
      sentBy: '相山区人民政府（supervisor）',
      answer: null,
    });
    // The organ's staff are told, and see it in their list.
    const notes = (await officer.request('GET', '/api/notifications')).body.items;
    expect(notes[0]).toMatchObject({
      kind: 'urged',
      urgeId: sent.body.id,
      title: '相山区人民政府催办：2025年度政府信息公开工作年度报告逾期未发布',
    });
    expect((await otherOfficer.request('GET', '/api/notifications')).body.items).toEqual([]);
    const list = await officer.request('GET', `/api/organs/${agency}/urges`);
    expect(list.body.items.map((u: { id: number }) => u.id)).toEqual([sent.body.id]);
    expect((await otherOfficer.request('GET', `/api/organs/${agency}/urges`)).status).toBe(404);

    // Only the organ answers, once.
    expect((await supervisor.request('POST', `/api/urges/${sent.body.id}/answer`, { answer: '好' })).status).toBe(403);
    expect((await otherOfficer.request('POST', `/api/urges/${sent.body.id}/answer`, { answer: '好' })).status).toBe(
      404,
    );
    const answered = await officer.request('POST', `/api/urges/${sent.body.id}/answer`, {
      answer: '报告已编制完成，将于3月5日发布',
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ answer: '报告已编制完成，将于3月5日发布', answeredByName: 'officer' });
    expect((await officer.request('POST', `/api/urges/${sent.body.id}/answer`, { answer: '再答' })).status).toBe(409);
    const seen = await supervisor.request('GET', '/api/urges');
    expect(seen.body.items[0]).toMatchObject({ id: sent.body.id, answer: '报告已编制完成，将于3月5日发布' });
    expect((await audit('urge', sent.body.id)).map((a) => a.action)).toEqual(['send', 'answer']);
  });

  it('refuses a 催办 to an organ that is not late, outside the government, or by others', async () => {
    const { agency, foreignGovernment } = server.organs;
    const notYet = await supervisor.request('POST', '/api/urges', {
      organId: agency,
      reason: 'lateReport',
      year: 2026,
      message: '催办',
    });
    expect(notYet.status).toBe(422);
    expect(notYet.body.error).toMatchObject({ code: 'not-late' });
    expect(notYet.body.error.message).toContain('2026年度报告未逾期（发布期限2027-01-31）');
    const noCases = await supervisor.request('POST', '/api/urges', {
      organId: agency,
      reason: 'overdueCases',
      message: '催办',
    });
    expect(noCases.status).toBe(422);
    // A case received in January is past its due date by March.
    const late = await officer.request(
      'POST',
      `/api/organs/${agency}/applications`,
      intake({ submittedOn: '2026-01-05', receivedOn: '2026-01-05' }),
    );
    expect(late.status).toBe(201);
    const urged = await supervisor.request('POST', '/api/urges', {
      organId: agency,
      reason: 'overdueCases',
      message: '请尽快办结超期申请',
    });
    expect(urged.status).toBe(201);
    expect(urged.body.reasonText).toBe('有依申请公开申请超过答复期限未办结');
    const foreign = await supervisor.request('POST', '/api/urges', {
      organId: foreignGovernment,
      reason: 'lateReport',
      year: 2025,
      message: '催办',
    });
    expect(foreign.status).toBe(404);
    // The 教育局 publishes its 2025 report late: late, but nothing left to chase.
    const other = server.organs.otherAgency;
    let state = (await otherOfficer.request('POST', `/api/organs/${other}/reports/2025/compile`)).body;
    state = (
      await otherOfficer.request('PUT', `/api/organs/${other}/reports/2025/sections`, {
        version: state.version,
        sections: demoProse('相山区教育局', 2025),
      })
    ).body;
    const published = await (
      await server.login('otherreviewer')
    ).request('POST', `/api/organs/${other}/reports/2025/publish`, { version: state.version });
    expect(published.body).toMatchObject({ status: 'published', late: true });
    const afterPublishing = await supervisor.request('POST', '/api/urges', {
      organId: other,
      reason: 'lateReport',
      year: 2025,
      message: '催办',
    });
    expect(afterPublishing.status).toBe(422);
    expect(afterPublishing.body.error.message).toBe('相山区教育局的2025年度报告已发布，无需催办');
    const byOfficer = await officer.request('POST', '/api/urges', {
      organId: agency,
      reason: 'lateReport',
      year: 2025,
      message: '催办',
    });
    expect(byOfficer.status).toBe(403);
  });

  it("transfers a case: the sender's case closes, the receiver's clock starts at its own receipt", async () => {
    const { agency, otherAgency } = server.organs;
    const created = await officer.request('POST', `/api/organs/${agency}/applications`, intake());
    const id = created.body.id as number;
    server.setToday('2026-03-04');
    const transferred = await officer.request('POST', `/api/applications/${id}/transfer`, {
      version: created.body.version,
      on: '2026-03-04',
      toOrganId: otherAgency,
      note: '所需信息为学校招生信息，由教育局负责公开',
    });
    expect(transferred.status).toBe(200);
    const toId = transferred.body.toApplicationId as number;
    expect(transferred.body.toSerialNo).toMatch(/^〔2026〕XSJY依申第\d+号$/);

    const sender = (await officer.request('GET', `/api/applications/${id}`)).body;
    expect(sender).toMatchObject({ status: 'closed', outcome: 'unable.notHeld', closedOn: '2026-03-04' });
    expect(sender.events.at(-1)).toMatchObject({ type: 'transfer', data: { organName: '相山区教育局' } });

    const receiver = (await otherOfficer.request('GET', `/api/applications/${toId}`)).body;
    // Received 2026-03-04 at the 教育局: 20 working days later is 2026-04-01.
    expect(receiver).toMatchObject({ status: 'inProgress', receivedOn: '2026-03-04', dueOn: '2026-04-01' });
    expect(receiver.events[0]).toMatchObject({ type: 'intake', data: { transferredFrom: '相山区应急管理局' } });
    const told = (await otherOfficer.request('GET', '/api/notifications')).body.items[0];
    expect(told).toMatchObject({ kind: 'transferredIn', applicationId: toId, dueOn: '2026-04-01' });
    expect(told.title).toBe(`相山区应急管理局转办申请${transferred.body.toSerialNo}，答复期限2026-04-01`);

    // Both organs see the transfer, each from its own case; neither reads the other's case.
    const history = {
      fromSerialNo: created.body.serialNo,
      fromOrganName: '相山区应急管理局',
      toOrganName: '相山区教育局',
      toSerialNo: transferred.body.toSerialNo,
      toReceivedOn: '2026-03-04',
      on: '2026-03-04',
      byName: 'officer',
    };
    expect((await officer.request('GET', `/api/applications/${id}/transfer`)).body.transfer).toMatchObject(history);
    expect((await otherOfficer.request('GET', `/api/applications/${toId}/transfer`)).body.transfer).toMatchObject(
      history,
    );
    expect((await otherOfficer.request('GET', `/api/applications/${id}`)).status).toBe(404);

    // The 告知书 names the organ responsible under 第三十六条第（五）项.
    const letter = await (await server.login('reviewer')).request('GET', `/api/applications/${id}/letters/answer`);
    expect(letter.status).toBe(200);
    const text = await docxText(letter.body as Uint8Array);
    expect(text).toContain('第三十六条第（五）项');
    expect(text).toContain('负责公开该政府信息的行政机关为相山区教育局');
    expect(text).toContain('本机关已将您的申请转交该机关办理');
    expect((await audit('application', id)).at(-1)).toMatchObject({ action: 'transfer' });
    expect((await audit('application', toId)).map((a) => a.action)).toEqual(['transferIn']);
    server.setToday('2026-03-02');
  });

  it('answers with a 告知书 naming an organ outside the platform, and refuses what the rules forbid', async () => {
    const { agency } = server.organs;
    const created = await officer.request('POST', `/api/organs/${agency}/applications`, intake());
    const id = created.body.id as number;
    const self = await officer.request('POST', `/api/applications/${id}/transfer`, {
      version: created.body.version,
      on: '2026-03-02',
      toOrganId: agency,
      note: '说明',
    });
    expect(self.status).toBe(422);
    const nameless = await officer.request('POST', `/api/applications/${id}/transfer`, {
      version: created.body.version,
      on: '2026-03-02',
      note: '说明',
    });
    expect(nameless.status).toBe(400);
    const outside = await officer.request('POST', `/api/applications/${id}/transfer`, {
      version: created.body.version,
      on: '2026-03-02',
      organName: '淮北市市场监督管理局',
      note: '属市场监管部门职责',
    });
    expect(outside.status).toBe(200);
    expect(outside.body).toMatchObject({ toApplicationId: null, toSerialNo: null });
    const letter = await officer.request('GET', `/api/applications/${id}/letters/answer`);
    const text = await docxText(letter.body as Uint8Array);
    expect(text).toContain('负责公开该政府信息的行政机关为淮北市市场监督管理局');
    expect(text).toContain('请您向该机关提出申请');
    // Closed now: no second transfer.
    const again = await officer.request('POST', `/api/applications/${id}/transfer`, {
      version: created.body.version + 1,
      on: '2026-03-02',
      organName: '某局',
      note: '说明',
    });
    expect(again.status).toBe(422);
    expect(
      (
        await supervisor.request('POST', `/api/applications/${id}/transfer`, {
          version: 1,
          on: '2026-03-02',
          organName: '某局',
          note: '说明',
        })
      ).status,
    ).toBe(403);
  });
});
