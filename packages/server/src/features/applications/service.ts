import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  ACTION_ROLES,
  allowedActions,
  CalendarError,
  applyAction,
  caseDeadline,
  letterTitle,
  letterParagraphs,
  renderLetterDocx,
  startCase,
  type CaseAction,
  type LetterKind,
  type WorkCalendar,
  type CaseState,
  type Role,
} from '@xxgk/core';
import type { ApplicationRow, Database } from '../../db/schema.js';
import { json } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import { assertRead, assertWrite, type Actor } from '../access.js';
import { appendAudit } from '../audit/repository.js';
import type { CalendarService } from '../calendar/service.js';
import { remindOfMove } from '../notifications/events.js';
import { getOrgan } from '../organs/repository.js';
import { answerColumns } from './answer-text.js';
import { checkSelfApproval, withoutOwnApprovals } from './approvals.js';
import { assignCases } from './assign.js';
import { organOfficers, userName } from './assignment/repository.js';
import { checkAttachment } from './attachments.js';
import { dueMoves, dueProvisional, recomputeDueDates, type DueMove } from './deadlines.js';
import { letterInput } from './letters.js';
import * as repo from './repository.js';
import { applicationView, summaryView, type IntakeInput, type SummaryRow } from './views.js';

/** Those who handle cases; 政务公开办 reads them, nobody else sees them. */
const CASE_WORKERS: readonly Role[] = ['officer', 'reviewer'];
/** Letters name the applicant: the organ's staff make them. */
const SEES_LETTERS: readonly Role[] = ['officer', 'reviewer', 'organAdmin'];

/** Query codes avoid look-alike characters, so that an applicant can read one over the phone. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function queryCode(): string {
  return Array.from(randomBytes(12), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
}

/**
 * Applications for government information: intake with the receipt date of 第三十一条, every later
 * move through the core's status machine, deadlines on the working-day calendar, and an audit
 * entry with each change. Storage is in the repository; the rules are in the core.
 */
export class ApplicationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly calendars: CalendarService,
    private readonly today: Clock,
  ) {}

  async intake(actor: Actor | null, organId: number, input: IntakeInput): Promise<ApplicationRow> {
    const today = this.today();
    checkReceipt(input, today);
    const calendar = await this.calendars.calendar();
    // A rule refusing (CaseRuleError) or a calendar that cannot count (CalendarError) is a 422.
    const state = startCase({
      channel: input.channel,
      applicantKind: input.applicantKind,
      receivedOn: input.receivedOn,
    });
    // A receipt late in December counts into a year whose notice is not out yet: the due date is
    // provisional (暂定) until the administrator enters the notice, which then recomputes it.
    const { deadline } = deadlineOrWarning(state, calendar, today);
    return this.db.transaction().execute(async (trx) => {
      const organ = await getOrgan(trx, organId);
      // The public portal files without an actor; staff file only for their own organ.
      if (actor) assertWrite(actor, organ, '机关的申请', CASE_WORKERS);
      const year = Number(input.receivedOn.slice(0, 4));
      const number = await repo.nextSerialNumber(trx, organId, year);
      const row = await repo.insertApplication(trx, {
        organ_id: organId,
        serial_no: `〔${year}〕${organ.code}依申第${number}号`,
        query_code: queryCode(),
        channel: input.channel,
        applicant_kind: input.applicantKind,
        applicant_name: input.applicantName,
        applicant_id_number: input.applicantIdNumber ?? null,
        applicant_phone: input.applicantPhone ?? null,
        applicant_email: input.applicantEmail ?? null,
        applicant_address: input.applicantAddress ?? null,
        request: input.request,
        delivery_form: input.deliveryForm,
        delivery_way: input.deliveryWay,
        submitted_on: input.submittedOn,
        received_on: input.receivedOn,
        status: state.status,
        due_on: deadline?.dueOn ?? null,
        state: json(state),
        created_by: actor?.id ?? null,
      });
      await repo.insertEvent(trx, {
        applicationId: row.id,
        type: 'intake',
        on: input.receivedOn,
        actorId: actor?.id ?? null,
        data: { channel: input.channel, submittedOn: input.submittedOn },
      });
      await appendAudit(trx, {
        actorId: actor?.id ?? null,
        organId,
        entity: 'application',
        entityId: row.id,
        action: 'intake',
        after: { serialNo: row.serial_no, status: row.status, receivedOn: row.received_on, dueOn: row.due_on },
      });
      return row;
    });
  }

  /** Takes one action on a case, if the case is still at `version` and the move is lawful. */
  async act(actor: Actor, id: number, version: number, action: CaseAction) {
    const calendar = await this.calendars.calendar();
    const today = this.today();
    if (action.on > today) throw badRequest(`办理日期 ${action.on} 晚于今天（${today}）`);
    const row = await this.db.transaction().execute(async (trx) => {
      const current = await repo.findApplication(trx, id, true);
      if (!current) throw notFound('申请');
      const organ = await getOrgan(trx, current.organ_id);
      assertWrite(actor, organ, '申请', CASE_WORKERS);
      if (!ACTION_ROLES[action.type].includes(actor.role)) throw forbidden('当前角色不能进行该操作');
      if (current.version !== version) {
        throw conflict(`该申请已被他人修改（当前版本 ${current.version}，您提交的是 ${version}），请刷新后重试`);
      }
      const before = current.state;
      const next = applyAction(before, action, calendar);
      // Marked on the event and in the audit: an approval of one's own draft, which the organ allows.
      const selfApproval = await checkSelfApproval(trx, id, action.type, actor, organ);
      const deadline = caseDeadline(next, calendar, today);
      const { type, on, ...fields } = action;
      const set = {
        status: next.status,
        due_on: deadline.dueOn,
        outcome: next.outcome ?? null,
        closed_on: next.closedOn ?? null,
        state: json(next),
        ...answerColumns(type, fields),
      };
      if (!(await repo.updateApplication(trx, id, version, set))) {
        throw conflict('该申请已被他人修改，请刷新后重试');
      }
      const data = selfApproval ? { ...fields, selfApproval } : fields;
      await repo.insertEvent(trx, { applicationId: id, type, on, actorId: actor.id, data });
      await remindOfMove(trx, {
        applicationId: id,
        organId: current.organ_id,
        serialNo: current.serial_no,
        dueOn: deadline.dueOn,
        version: version + 1,
        closed: next.status === 'closed',
        type,
        actorId: actor.id,
      });
      await appendAudit(trx, {
        actorId: actor.id,
        organId: current.organ_id,
        entity: 'application',
        entityId: id,
        action: type,
        before: { status: before.status, dueOn: current.due_on, version },
        after: { status: next.status, dueOn: deadline.dueOn, outcome: next.outcome, version: version + 1, ...data },
      });
      return (await repo.findApplication(trx, id)) as ApplicationRow;
    });
    return this.view(actor, row);
  }

  /**
   * The officer's dashboard: what is open, what falls due within `soon` working days, what is
   * late, what waits for the reviewer, and what is paused on the applicant or a third party.
   * Each count is a queue of the list (`repo.queueFilter`), so a card and the list it opens agree.
   */
  async dashboard(actor: Actor, organId: number, soon = 3) {
    assertRead(actor, await getOrgan(this.db, organId), '机关的申请');
    const today = this.today();
    const window = dueWindow(await this.calendars.calendar(), today, soon);
    const counts = await repo.countQueues(this.db, organId, window, `${today.slice(0, 4)}-01-01`);
    return { today, soon, ...counts.queues, thisYear: { received: counts.received, closed: counts.closed } };
  }

  /**
   * Works out again the due date of every open case, after the calendar changed (a year added or
   * corrected), and records each move on its case with `reason`. Returns the moves.
   */
  async recomputeDueDates(reason: string): Promise<DueMove[]> {
    return recomputeDueDates(this.db, await this.calendars.calendar(), this.today(), reason);
  }

  /** The open cases whose due date `calendar` (not saved yet) would move. */
  async previewDueDates(calendar: WorkCalendar): Promise<DueMove[]> {
    return dueMoves(this.db, calendar, this.today());
  }

  /** The 答复书 or 告知书 of a kind for the case, as DOCX. */
  async letter(actor: Actor, id: number, kind: LetterKind) {
    const { row, input } = await this.letterOf(actor, id, kind);
    const bytes = await renderLetterDocx(input);
    return { name: `${row.serial_no}${letterTitle(input)}.docx`, bytes };
  }

  /** The same letter as paragraphs, for the print page: the one text model the DOCX prints. */
  async letterText(actor: Actor, id: number, kind: LetterKind) {
    return letterParagraphs((await this.letterOf(actor, id, kind)).input);
  }

  private async letterOf(actor: Actor, id: number, kind: LetterKind) {
    const row = await repo.findApplication(this.db, id);
    if (!row) throw notFound('申请');
    const organ = await getOrgan(this.db, row.organ_id);
    assertRead(actor, organ, '申请');
    if (!SEES_LETTERS.includes(actor.role) || actor.organId !== row.organ_id)
      throw forbidden('只有本机关经办人、审核人可以生成文书');
    const calendar = await this.calendars.calendar();
    const events = await repo.listEvents(this.db, id);
    return { row, input: letterInput(kind, row, row.state, organ, events, calendar, this.today()) };
  }

  async addAttachment(actor: Actor, id: number, fileName: string, bytes: Uint8Array) {
    const checked = checkAttachment(fileName, bytes);
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.findApplication(trx, id);
      if (!row) throw notFound('申请');
      assertWrite(actor, await getOrgan(trx, row.organ_id), '申请', CASE_WORKERS);
      const inserted = await repo.insertAttachment(trx, {
        applicationId: id,
        fileName: checked.fileName,
        mediaType: checked.mediaType,
        size: checked.size,
        sha256: checked.sha256,
        content: bytes,
        uploadedBy: actor.id,
      });
      await appendAudit(trx, {
        actorId: actor.id,
        organId: row.organ_id,
        entity: 'attachment',
        entityId: inserted.id,
        action: 'upload',
        after: { applicationId: id, ...checked },
      });
      return inserted;
    });
  }

  async attachment(actor: Actor, attachmentId: number) {
    const found = await repo.findAttachment(this.db, attachmentId);
    if (!found) throw notFound('附件');
    assertRead(actor, await getOrgan(this.db, found.organ_id), '附件');
    // Attachments carry the applicant's personal data: only the organ's own staff open them.
    if (actor.organId !== found.organ_id) throw forbidden('附件含申请人个人信息，只有本机关人员可以查看');
    return { name: found.file_name, mediaType: found.media_type, bytes: found.content };
  }

  async get(actor: Actor, id: number) {
    const row = await repo.findApplication(this.db, id);
    if (!row) throw notFound('申请');
    assertRead(actor, await getOrgan(this.db, row.organ_id), '申请');
    return this.view(actor, row);
  }

  private async view(actor: Actor, row: ApplicationRow) {
    const calendar = await this.calendars.calendar();
    const state = row.state;
    const events = await repo.listEvents(this.db, row.id);
    const ownOrgan = actor.organId === row.organ_id;
    const attachments = ownOrgan ? await repo.listAttachments(this.db, row.id) : [];
    const canAct = actor.organId === row.organ_id && CASE_WORKERS.includes(actor.role);
    return {
      ...applicationView(
        { ...row, assignee_name: row.assignee_id === null ? null : await userName(this.db, row.assignee_id) },
        actor.role,
      ),
      ...deadlineOrWarning(state, calendar, this.today()),
      state,
      allowedActions: canAct
        ? await withoutOwnApprovals(this.db, row.id, row.organ_id, actor, allowedActions(state, actor.role))
        : [],
      events,
      attachments,
    };
  }

  /** Assigns cases to an officer (分派承办人): who may, to whom, and each case's outcome in assign.ts. */
  async assign(actor: Actor, ids: readonly number[], assigneeId: number) {
    return assignCases(this.db, actor, ids, assigneeId);
  }

  /** The officers a case of the organ may be assigned to (the 分派 dialog, the list's 承办人 filter). */
  async assignees(actor: Actor, organId: number) {
    assertRead(actor, await getOrgan(this.db, organId), '机关的经办人');
    return organOfficers(this.db, organId);
  }

  async list(actor: Actor, organId: number, query: ListRequest) {
    const organ = await getOrgan(this.db, organId);
    assertRead(actor, organ, '机关的申请');
    const calendar = await this.calendars.calendar();
    const today = this.today();
    const { dueWithin, queue, soon = 3, assignee, ...filters } = query;
    const dueBy = dueWithin === undefined ? undefined : calendar.addWorkingDays(today, dueWithin);
    const { items, total } = await repo.listApplications(this.db, {
      ...filters,
      organId,
      ...(dueBy ? { dueBy } : {}),
      ...(queue ? { queue: { name: queue, window: dueWindow(calendar, today, soon) } } : {}),
      ...(assignee === undefined
        ? {}
        : { assigneeId: assignee === 'me' ? actor.id : assignee === 'none' ? null : assignee }),
    });
    return {
      total,
      items: items.map((row) => ({ ...summaryView(row, actor.role), ...daysLeft(row, calendar, today) })),
    };
  }
}

/**
 * The list's filters as the route gives them: `dueWithin` and `soon` in working days from today;
 * `assignee` an officer's id, `me` (我承办的) or `none` (未分派).
 */
export type ListRequest = Omit<repo.ListQuery, 'organId' | 'dueBy' | 'queue' | 'assigneeId'> & {
  readonly assignee?: number | 'me' | 'none';
  readonly dueWithin?: number;
  readonly queue?: repo.CaseQueue;
  /** The “due soon” window of the `dueSoon` queue, as on the dashboard (3 unless given). */
  readonly soon?: number;
};

/**
 * The days the queues are read against. A case is due soon when its due date is at most `soon`
 * working days away (`workingDaysBetween(today, dueOn) <= soon`), i.e. before the (soon + 1)th
 * working day. When that day lies in a year the calendar lacks, no known due date reaches it (due
 * dates are counted on the calendar), so the window has no end.
 */
function dueWindow(calendar: WorkCalendar, today: string, soon: number): repo.DueWindow {
  try {
    return { today, soonEnds: calendar.addWorkingDays(today, soon + 1) };
  } catch (error) {
    if (error instanceof CalendarError) return { today, soonEnds: null };
    throw error;
  }
}

/** 第三十一条: the receipt date depends on the channel, and is never before the application was sent. */
function checkReceipt(input: IntakeInput, today: string): void {
  if (input.receivedOn > today) throw badRequest(`收到申请日期 ${input.receivedOn} 晚于今天（${today}）`);
  if (input.receivedOn < input.submittedOn) {
    throw badRequest(`收到申请日期 ${input.receivedOn} 早于申请人提交日期 ${input.submittedOn}`);
  }
  if (input.channel === 'inPerson' && input.receivedOn !== input.submittedOn) {
    throw badRequest('当面提交的申请，以提交之日为收到申请之日（条例第三十一条）');
  }
}

/**
 * Working days left and lateness for a list row, from the stored due date: the due date does not
 * depend on today, so a page of cases needs no replay of each one's periods (≈1 ms a page saved).
 */
function daysLeft(row: SummaryRow, calendar: WorkCalendar, today: string) {
  const dueProvisionalFlag = {
    dueProvisional: !row.closed_on && dueProvisional(calendar, row.received_on, row.due_on),
  };
  if (!row.due_on) return { workingDaysLeft: null, overdue: false, ...dueProvisionalFlag };
  if (row.closed_on) return { workingDaysLeft: null, overdue: row.closed_on > row.due_on, ...dueProvisionalFlag };
  try {
    const workingDaysLeft = calendar.workingDaysBetween(today, row.due_on);
    return { workingDaysLeft, overdue: today > row.due_on, ...dueProvisionalFlag };
  } catch (error) {
    if (error instanceof CalendarError)
      return { workingDaysLeft: null, overdue: today > row.due_on, ...dueProvisionalFlag };
    throw error;
  }
}

/**
 * A case's deadline, or — when the calendar lacks a year the count runs into, because the State
 * Council's notice for it is not entered yet — no deadline and a warning that says so, so that
 * lists and case pages keep working while the administrator adds the year.
 */
function deadlineOrWarning(state: CaseState, calendar: WorkCalendar, today: string) {
  try {
    return { deadline: caseDeadline(state, calendar, today), calendarWarning: null };
  } catch (error) {
    if (error instanceof CalendarError) return { deadline: null, calendarWarning: error.message };
    throw error;
  }
}
