import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { actOn, startTestServer, type TestClient, type TestServer } from './support/http.js';
import { convertWithLibreOffice, readable } from './support/office.js';

const BODY =
  '现向您提供《2025年本区安全生产行政处罚决定书目录》电子文本一份，以电子邮件方式发送。\n附件：处罚决定书目录（共3页）';

describe.each(ENGINES)("the answer's own words and the reviewer's opinion on %s", (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let reviewer: TestClient;
  beforeAll(async () => {
    server = await startTestServer(engine, '2026-04-10');
    officer = await server.login('officer');
    reviewer = await server.login('reviewer');
  });
  afterAll(() => server.close());

  const act = (id: number, action: Record<string, unknown>, as: TestClient = officer) => actOn(as, id, action);

  it('keeps the draft and the opinion, shows them in the history and prints the body in the 答复书', async () => {
    const created = await officer.request(
      'POST',
      `/api/organs/${server.organs.agency}/applications`,
      intake({ submittedOn: '2026-04-01', receivedOn: '2026-04-01' }),
    );
    const id = created.body.id as number;
    await act(id, { type: 'draftAnswer', on: '2026-04-09', outcome: 'granted', body: '初稿' });
    const returned = await act(
      id,
      { type: 'returnAnswer', on: '2026-04-09', note: '请写明提供的形式和附件' },
      reviewer,
    );
    expect(returned.answerOpinion).toBe('请写明提供的形式和附件');
    const drafted = await act(id, { type: 'draftAnswer', on: '2026-04-10', outcome: 'granted', body: BODY });
    expect(drafted.answerBody).toBe(BODY);
    expect(drafted.answerOpinion).toBeNull();
    const approved = await act(id, { type: 'approveAnswer', on: '2026-04-10', opinion: '同意答复。' }, reviewer);
    expect(approved.answerOpinion).toBe('同意答复。');
    const events = approved.events as { type: string; data: Record<string, unknown> }[];
    expect(events.filter((e) => e.type === 'draftAnswer').map((e) => e.data.body)).toEqual(['初稿', BODY]);
    expect(events.find((e) => e.type === 'approveAnswer')?.data.opinion).toBe('同意答复。');

    const letter = await officer.request('GET', `/api/applications/${id}/letters/answer`);
    expect(letter.status).toBe(200);
    const text = await convertWithLibreOffice(letter.body as Uint8Array, 'docx', 'txt:Text (encoded):UTF8');
    // The template's sentence citing 第三十六条第（二）项, then the officer's two paragraphs.
    expect(readable(text, '第三十六条第（二）项')).toBe(true);
    expect(readable(text, '以电子邮件方式发送')).toBe(true);
    expect(readable(text, '附件：处罚决定书目录（共3页）')).toBe(true);
    expect(text.indexOf('第三十六条')).toBeLessThan(text.indexOf('附件：处罚决定书目录'));
    expect(readable(text, '初稿')).toBe(false);

    // The print page's text is the DOCX's: the same paragraphs, the officer's among them.
    const paragraphs = await officer.request<{ kind: string; text?: string }[]>(
      'GET',
      `/api/applications/${id}/letters/answer/text`,
    );
    expect(paragraphs.status).toBe(200);
    expect(paragraphs.body[0]).toEqual({ kind: 'title', text: '政府信息公开申请答复书' });
    const bodies = paragraphs.body.filter((p) => p.kind === 'body').map((p) => p.text);
    expect(bodies).toContain('附件：处罚决定书目录（共3页）');
    for (const line of bodies) expect(readable(text, line as string)).toBe(true);
    const supervisor = await server.login('supervisor');
    expect((await supervisor.request('GET', `/api/applications/${id}/letters/answer/text`)).status).toBe(403);
  }, 240_000);

  it('refuses a body longer than a letter can hold, naming the field', async () => {
    const created = await officer.request('POST', `/api/organs/${server.organs.agency}/applications`, intake());
    const id = created.body.id as number;
    const current = await officer.request('GET', `/api/applications/${id}`);
    const response = await officer.request('POST', `/api/applications/${id}/actions`, {
      version: current.body.version,
      action: { type: 'draftAnswer', on: '2026-04-10', outcome: 'granted', body: '字'.repeat(5001) },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('答复正文不能超过 5000 字');
  });
});
