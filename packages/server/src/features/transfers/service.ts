import type { Kysely } from 'kysely';
import { applyAction, caseDeadline, startCase, type CaseState } from '@xxgk/core';
import type { ApplicationRow, Database, Db, Organ } from '../../db/schema.js';
import { json } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { assertRead, assertWrite, type Actor } from '../access.js';
import * as cases from '../applications/repository.js';
import { queryCode } from '../applications/service.js';
import { appendAudit } from '../audit/repository.js';
import type { CalendarService } from '../calendar/service.js';
import { CASE_WORKERS, remindOfTransfer } from '../notifications/events.js';
import { settleReminders } from '../notifications/repository.js';
import { getOrgan } from '../organs/repository.js';
import { insertTransfer, receivingOrgans, transferOf } from './repository.js';

export interface TransferInput {
  readonly version: number;
  readonly on: string;
  /** The organ on the platform to hand the case to; or, for one outside it, only its name. */
  readonly toOrganId?: number;
  readonly organName?: string;
  readonly note: string;
}

/**
 * 转办: an application that is another organ's to disclose (条例第三十六条第（五）项). The case ends
 * at this organ (the core's `transfer` move: counted as 本机关不掌握相关政府信息, the 告知书 names the
 * organ responsible). When that organ is on the platform it gets a case of its own, received on
 * the day of the transfer — its clock starts at its own receipt — and its staff are told.
 */
export class TransferService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly calendars: CalendarService,
    private readonly today: Clock,
  ) {}

  async transfer(actor: Actor, id: number, input: TransferInput) {
    const calendar = await this.calendars.calendar();
    const today = this.today();
    if (input.on > today) throw badRequest(`转办日期 ${input.on} 晚于今天（${today}）`);
    if (input.toOrganId === undefined && !input.organName?.trim())
      throw badRequest('请选择接收机关，或填写负责公开该信息的机关名称');
    return this.db.transaction().execute(async (trx) => {
      const current = await cases.findApplication(trx, id, true);
      if (!current) throw notFound('申请');
      const organ = await getOrgan(trx, current.organ_id);
      assertWrite(actor, organ, '申请', CASE_WORKERS);
      if (current.version !== input.version) throw conflict('该申请已被他人修改，请刷新后重试');
      const target = input.toOrganId === undefined ? undefined : await getOrgan(trx, input.toOrganId);
      if (target?.id === organ.id) throw unprocessable('transfer-self', '不能转办给本机关');
      const organName = target?.name ?? (input.organName as string).trim();
      const next = applyAction(
        current.state,
        { type: 'transfer', on: input.on, organName, note: input.note },
        calendar,
      );
      const deadline = caseDeadline(next, calendar, today);
      const updated = await cases.updateApplication(trx, id, input.version, {
        status: next.status,
        due_on: deadline.dueOn,
        outcome: next.outcome ?? null,
        closed_on: next.closedOn ?? null,
        state: json(next),
      });
      if (!updated) throw conflict('该申请已被他人修改，请刷新后重试');
      await settleReminders(trx, id, ['dueIn3', 'dueIn1', 'overdue', 'awaitingApproval', 'returned']);
      const received = target ? await this.receive(trx, current, target, organ, input.on) : undefined;
      const data = { organName, note: input.note, ...(target ? { toOrganId: target.id } : {}) };
      await cases.insertEvent(trx, { applicationId: id, type: 'transfer', on: input.on, actorId: actor.id, data });
      await insertTransfer(trx, {
        fromApplicationId: id,
        toApplicationId: received?.id ?? null,
        fromOrganId: organ.id,
        toOrganId: target?.id ?? null,
        toOrganName: organName,
        on: input.on,
        note: input.note,
        by: actor.id,
      });
      await appendAudit(trx, {
        actorId: actor.id,
        organId: organ.id,
        entity: 'application',
        entityId: id,
        action: 'transfer',
        before: { status: current.status, dueOn: current.due_on, version: input.version },
        after: { status: next.status, outcome: next.outcome, ...data, toApplicationId: received?.id ?? null },
      });
      return { id, toApplicationId: received?.id ?? null, toSerialNo: received?.serial_no ?? null };
    });
  }

  /** The receiving organ's own case: the same application, received on the day of the transfer. */
  private async receive(trx: Db, from: ApplicationRow, target: Organ, sender: Organ, on: string) {
    const calendar = await this.calendars.calendar();
    const state: CaseState = startCase({
      channel: from.channel as CaseState['channel'],
      applicantKind: from.applicant_kind as CaseState['applicantKind'],
      receivedOn: on,
    });
    const dueOn = caseDeadline(state, calendar, on).dueOn;
    const year = Number(on.slice(0, 4));
    const number = await cases.nextSerialNumber(trx, target.id, year);
    const row = await cases.insertApplication(trx, {
      organ_id: target.id,
      serial_no: `〔${year}〕${target.code}依申第${number}号`,
      query_code: queryCode(),
      channel: from.channel,
      applicant_kind: from.applicant_kind,
      applicant_name: from.applicant_name,
      applicant_id_number: from.applicant_id_number,
      applicant_phone: from.applicant_phone,
      applicant_email: from.applicant_email,
      applicant_address: from.applicant_address,
      request: from.request,
      delivery_form: from.delivery_form,
      delivery_way: from.delivery_way,
      submitted_on: from.submitted_on,
      received_on: on,
      status: state.status,
      due_on: dueOn,
      state: json(state),
      created_by: null,
    });
    await cases.insertEvent(trx, {
      applicationId: row.id,
      type: 'intake',
      on,
      actorId: null,
      data: { channel: from.channel, submittedOn: from.submitted_on, transferredFrom: sender.name },
    });
    await appendAudit(trx, {
      actorId: null,
      organId: target.id,
      entity: 'application',
      entityId: row.id,
      action: 'transferIn',
      after: { serialNo: row.serial_no, receivedOn: on, dueOn, fromOrgan: sender.name, fromSerialNo: from.serial_no },
    });
    await remindOfTransfer(trx, {
      organId: target.id,
      applicationId: row.id,
      serialNo: row.serial_no,
      dueOn,
      fromOrganName: sender.name,
    });
    return row;
  }

  /** The organs a case worker may transfer to (names are public; every organ but their own). */
  async targets(actor: Actor) {
    if (!CASE_WORKERS.includes(actor.role)) throw forbidden('只有经办人、审核人可以转办');
    return { organs: await receivingOrgans(this.db, actor.organId) };
  }

  /** The transfer a case was sent by or came through; both organs see both ends. */
  async of(actor: Actor, id: number) {
    const row = await cases.findApplication(this.db, id);
    if (!row) throw notFound('申请');
    assertRead(actor, await getOrgan(this.db, row.organ_id), '申请');
    const transfer = await transferOf(this.db, id);
    return { transfer: transfer ?? null };
  }
}
