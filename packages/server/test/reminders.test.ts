import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer, type Mailer } from '../src/features/notifications/mail.js';
import { NotificationService } from '../src/features/notifications/service.js';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

interface Note {
  id: number;
  kind: string;
  title: string;
  applicationId: number | null;
  dueOn: string | null;
  read: boolean;
}

/** A real SMTP server on a free port, keeping each message it receives, parsed. */
async function startSmtp() {
  const received: { to: string[]; subject: string; text: string; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then((mail) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            raw: raw.toString('utf8'),
          });
          callback();
        }, callback);
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(ENGINES)('reminders on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let officer2: TestClient;
  let reviewer: TestClient;
  let path: string;
  beforeAll(async () => {
    server = await startTestServer(engine, '2026-03-02');
    officer = await server.login('officer');
    officer2 = await server.login('officer2');
    reviewer = await server.login('reviewer');
    path = `/api/organs/${server.organs.agency}/applications`;
  });
  afterAll(() => server.close());

  const notes = async (as: TestClient, unread = false) =>
    (await as.request<{ total: number; unread: number; items: Note[] }>('GET', `/api/notifications?unread=${unread}`))
      .body;
  const version = async (id: number) =>
    (await officer.request('GET', `/api/applications/${id}`)).body.version as number;
  const act = async (id: number, as: TestClient, action: Record<string, unknown>) =>
    as.request('POST', `/api/applications/${id}/actions`, { version: await version(id), action });

  it('gives the handler the deadline reminders of the working calendar, once each', async () => {
    // Received 2026-03-02: due 2026-03-30 (20 working days).
    const created = await officer.request('POST', path, intake());
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect(created.body.dueOn).toBe('2026-03-30');
    // 2026-03-25 (Wed): 3 working days left (26, 27, 30).
    server.setToday('2026-03-25');
    expect(await server.services.notifications.digest()).toBe(1);
    expect(await server.services.notifications.digest()).toBe(0);
    let mine = (await notes(officer)).items.filter((n) => n.applicationId === id);
    expect(mine.map((n) => [n.kind, n.title])).toEqual([
      ['dueIn3', `申请${created.body.serialNo}距答复期限还有3个工作日，答复期限2026-03-30`],
    ]);
    // Nobody else handles it: officer2 and the reviewer get nothing.
    expect((await notes(officer2)).items.some((n) => n.applicationId === id)).toBe(false);
    // 2026-03-27 (Fri): 1 working day left (the weekend does not count).
    server.setToday('2026-03-27');
    await server.services.notifications.digest();
    server.setToday('2026-03-31');
    await server.services.notifications.digest();
    mine = (await notes(officer)).items.filter((n) => n.applicationId === id);
    expect(mine.map((n) => n.kind)).toEqual(['overdue', 'dueIn1', 'dueIn3']);
    expect(mine[0]?.title).toContain('已超过答复期限');
    // Closing the case settles its deadline reminders.
    expect((await act(id, officer, { type: 'withdraw', on: '2026-03-31', note: '申请人撤回' })).status).toBe(200);
    const settled = (await notes(officer)).items.filter((n) => n.applicationId === id);
    expect(settled.map((n) => n.read)).toEqual([true, true, true]);
    server.setToday('2026-03-02');
  });

  it('tells the reviewers of a draft and the drafter of a return, and marks read', async () => {
    const id = (await officer.request('POST', path, intake())).body.id as number;
    expect((await act(id, officer, { type: 'draftAnswer', on: '2026-03-02', outcome: 'granted' })).status).toBe(200);
    const waiting = (await notes(reviewer)).items.filter((n) => n.applicationId === id);
    expect(waiting.map((n) => n.kind)).toEqual(['awaitingApproval']);
    expect(waiting[0]?.title).toMatch(/待审核，答复期限2026-03-30$/);
    // The drafter is not asked to approve their own draft.
    expect((await notes(officer)).items.some((n) => n.applicationId === id && n.kind === 'awaitingApproval')).toBe(
      false,
    );
    // Someone else's reminder cannot be marked.
    const others = await officer2.request('POST', '/api/notifications/read', { ids: [waiting[0]?.id] });
    expect(others.body.changed).toBe(0);
    expect((await reviewer.request('GET', '/api/notifications/unread')).body.unread).toBe(1);
    expect((await act(id, reviewer, { type: 'returnAnswer', on: '2026-03-02', note: '请补充依据' })).status).toBe(200);
    // The decision settles the reviewer's 待审核 reminder.
    expect((await notes(reviewer)).items.find((n) => n.id === waiting[0]?.id)?.read).toBe(true);
    expect((await reviewer.request('GET', '/api/notifications/unread')).body.unread).toBe(0);
    const returned = (await notes(officer)).items.find((n) => n.applicationId === id && n.kind === 'returned');
    expect(returned?.title).toContain('答复被退回修改');

    const before = (await notes(officer)).unread;
    expect(before).toBeGreaterThan(0);
    const marked = await officer.request('POST', '/api/notifications/read', { ids: [returned?.id] });
    expect(marked.body).toEqual({ changed: 1, unread: before - 1 });
    expect((await officer.request('GET', '/api/notifications/unread')).body).toEqual({ unread: before - 1 });
    expect((await officer.request('POST', '/api/notifications/read', { ids: 'all' })).body.unread).toBe(0);
    expect((await notes(officer, true)).items).toEqual([]);
  });

  it('mails reminders through a real SMTP server, naming the case and deadline only', async () => {
    const smtp = await startSmtp();
    let mailer: Mailer | undefined;
    try {
      mailer = smtpMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: '平台 <xxgk@example.gov.cn>' });
      const service = new NotificationService(server.database.db, server.services.calendar, () => '2026-03-02', mailer);
      const saved = await officer2.request('PUT', '/api/notifications/settings', { email: 'officer2@example.gov.cn' });
      expect(saved.body).toEqual({ email: 'officer2@example.gov.cn', mailEnabled: false });
      expect((await officer2.request('PUT', '/api/notifications/settings', { email: 'not-an-address' })).status).toBe(
        400,
      );
      const created = await officer2.request('POST', path, intake({ applicantName: '赵某某' }));
      const id = created.body.id as number;
      expect((await act(id, officer2, { type: 'draftAnswer', on: '2026-03-02', outcome: 'granted' })).status).toBe(200);
      expect((await act(id, reviewer, { type: 'returnAnswer', on: '2026-03-02', note: '请补充' })).status).toBe(200);
      expect(await service.sendMail()).toBe(1);
      expect(await service.sendMail()).toBe(0);
      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0] as (typeof smtp.received)[number];
      expect(mail.to).toEqual(['officer2@example.gov.cn']);
      expect(mail.subject).toBe(`【政府信息公开】申请${created.body.serialNo}的答复被退回修改，答复期限2026-03-30`);
      expect(mail.text).toContain('答复期限：2026-03-30');
      expect(mail.text).toContain('请登录政府信息公开工作平台');
      for (const personal of ['赵某某', '340603199001011234', '13800000000']) expect(mail.raw).not.toContain(personal);
    } finally {
      mailer?.close();
      await smtp.close();
    }
  });
});
