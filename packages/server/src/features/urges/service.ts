import type { Kysely } from 'kysely';
import { publicationDeadline, urgeReasonText, type UrgeReason } from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { assertRead, type Actor } from '../access.js';
import { appendAudit } from '../audit/repository.js';
import { remindOfUrge } from '../notifications/events.js';
import { getOrgan } from '../organs/repository.js';
import { lateOrgans } from '../supervision/repository.js';
import * as repo from './repository.js';

export interface UrgeInput {
  readonly organId: number;
  readonly reason: UrgeReason;
  /** The report's year (lateReport). */
  readonly year?: number;
  readonly message: string;
}

type UrgeRow = NonNullable<Awaited<ReturnType<typeof repo.findUrge>>>;

function urgeView(row: UrgeRow) {
  return {
    id: row.id,
    organId: row.organId,
    organName: row.organName,
    // Written only from the core's URGE_REASONS (send below).
    reason: row.reason as UrgeReason,
    year: row.year,
    reasonText: urgeReasonText(row.reason as UrgeReason, row.year),
    message: row.message,
    sentBy: `${row.sentByOrgan}（${row.sentByName}）`,
    sentAt: new Date(row.sentAt).toISOString(),
    answer: row.answer,
    answeredByName: row.answeredByName,
    answeredAt: row.answeredAt ? new Date(row.answeredAt).toISOString() : null,
  };
}

/**
 * 催办: the 政务公开办 reminds an organ under its government that is late (its annual report
 * unpublished after the deadline of 条例第四十九条, or cases past their due date); the organ's
 * staff are told, and answer in writing. Both are kept, and written to the audit log.
 */
export class UrgeService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly today: Clock,
  ) {}

  async send(actor: Actor, input: UrgeInput) {
    if (actor.role !== 'supervisor') throw forbidden('只有政务公开办可以催办');
    const organ = await getOrgan(this.db, input.organId);
    assertRead(actor, organ, '机关');
    if (organ.id === actor.organId) throw unprocessable('urge-self', '不能向本机关催办');
    const today = this.today();
    const year = input.reason === 'lateReport' ? (input.year ?? Number(today.slice(0, 4)) - 1) : null;
    await this.checkLate(organ.id, organ.name, input.reason, year, today);
    return this.db.transaction().execute(async (trx) => {
      const inserted = await repo.insertUrge(trx, {
        organId: organ.id,
        reason: input.reason,
        year,
        message: input.message,
        sentBy: actor.id,
      });
      const sender = await getOrgan(trx, actor.organId);
      await remindOfUrge(trx, {
        id: inserted.id,
        organId: organ.id,
        title: `${sender.name}催办：${urgeReasonText(input.reason, year)}`,
      });
      await appendAudit(trx, {
        actorId: actor.id,
        organId: organ.id,
        entity: 'urge',
        entityId: inserted.id,
        action: 'send',
        after: { reason: input.reason, year, message: input.message },
      });
      return urgeView((await repo.findUrge(trx, inserted.id)) as UrgeRow);
    });
  }

  /** A 催办 goes only to an organ that is late for the reason given. */
  private async checkLate(organId: number, name: string, reason: UrgeReason, year: number | null, today: string) {
    if (reason === 'overdueCases') {
      if ((await repo.overdueCaseCount(this.db, organId, today)) === 0)
        throw unprocessable('not-late', `${name}没有超过答复期限未办结的申请，无需催办`);
      return;
    }
    const reportYear = year as number;
    const deadline = publicationDeadline(reportYear);
    const organ = await getOrgan(this.db, organId);
    const late = await lateOrgans(this.db, { path: organ.path, year: reportYear, overdue: today > deadline });
    if (!late.some((row) => row.organId === organId))
      throw unprocessable('not-late', `${name}的${reportYear}年度报告未逾期（发布期限${deadline}），无需催办`);
    // Published after the deadline: late, but there is nothing left to chase.
    if (await repo.reportPublished(this.db, organId, reportYear))
      throw unprocessable('not-late', `${name}的${reportYear}年度报告已发布，无需催办`);
  }

  async answer(actor: Actor, id: number, answer: string) {
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.findUrge(trx, id, true);
      if (!row) throw notFound('催办');
      const organ = await getOrgan(trx, row.organId);
      assertRead(actor, organ, '催办');
      if (actor.organId !== row.organId || actor.role === 'supervisor') throw forbidden('只有被催办机关的人员可以答复');
      if (!(await repo.answerUrge(trx, id, answer, actor.id))) throw conflict('该催办已答复', 'urge-answered');
      await appendAudit(trx, {
        actorId: actor.id,
        organId: row.organId,
        entity: 'urge',
        entityId: id,
        action: 'answer',
        after: { answer },
      });
      return urgeView((await repo.findUrge(trx, id)) as UrgeRow);
    });
  }

  /** The 催办 an organ received (its staff, or the 政务公开办 above it). */
  async forOrgan(actor: Actor, organId: number, page: { page: number; pageSize: number }) {
    assertRead(actor, await getOrgan(this.db, organId), '机关');
    const found = await repo.listUrges(this.db, { organId }, page.pageSize, (page.page - 1) * page.pageSize);
    return { total: found.total, items: found.items.map(urgeView) };
  }

  /** Every 催办 to the organs under the 政务公开办's government. */
  async sent(actor: Actor, page: { page: number; pageSize: number }) {
    if (actor.role !== 'supervisor') throw forbidden('只有政务公开办可以查看催办记录');
    const found = await repo.listUrges(
      this.db,
      { path: actor.organPath },
      page.pageSize,
      (page.page - 1) * page.pageSize,
    );
    return { total: found.total, items: found.items.map(urgeView) };
  }
}
