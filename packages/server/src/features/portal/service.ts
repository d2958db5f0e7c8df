import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  answerDueOn,
  APPLICANT_KIND_LABELS,
  applyAction,
  CASE_STATUS_LABELS,
  caseDeadline,
  CHANNEL_LABELS,
  letterTitle,
  OUTCOME_LABELS,
  renderLetterDocx,
  startCase,
  type CaseAction,
  type CaseState,
  type Channel,
  type Outcome,
  type WorkCalendar,
} from '@xxgk/core';
import type { Clock } from '../../clock.js';
import type { ApplicationRow, Database } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { dueProvisional } from '../applications/deadlines.js';
import type { ApplicationService } from '../applications/service.js';
import { letterInput } from '../applications/letters.js';
import * as repo from '../applications/repository.js';
import type { CalendarService } from '../calendar/service.js';
import { findOrgan, getOrgan, organsOfKinds } from '../organs/repository.js';
import { Captcha } from './captcha.js';
import type { PortalApplyInput, PortalStatusView, PortalStepView } from './schemas.js';

/** Organs the public may apply to. */
const ACCEPTING_KINDS = ['department'];
const CODE_PATTERN = /^[A-Z2-9]{12}$/;
const NO_SUCH_CODE = '查询码';

type Event = Awaited<ReturnType<typeof repo.listEvents>>[number];

/**
 * The public portal: anyone may apply online (with a captcha) and follow their application with
 * the query code it gets. No login; the applicant sees only the public steps of their own case,
 * their own name masked, and the answer once given.
 */
export class PortalService {
  readonly captcha: Captcha;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly calendars: CalendarService,
    private readonly applications: ApplicationService,
    private readonly today: Clock,
    captcha: Captcha = new Captcha(),
  ) {
    this.captcha = captcha;
  }

  async organs() {
    return organsOfKinds(this.db, ACCEPTING_KINDS);
  }

  /** 网上申请: received on the day the portal confirms it (第三十一条), which is today. */
  async apply(input: PortalApplyInput) {
    this.captcha.verify(input.captchaToken, input.captchaAnswer);
    const organ = await findOrgan(this.db, input.organId);
    if (!organ || !ACCEPTING_KINDS.includes(organ.kind)) throw notFound('机关');
    const today = this.today();
    const row = await this.applications.intake(null, organ.id, {
      channel: 'online',
      applicantKind: input.applicantKind,
      applicantName: input.applicantName,
      ...(input.applicantKind === 'natural' && input.applicantIdNumber
        ? { applicantIdNumber: input.applicantIdNumber }
        : {}),
      ...(input.applicantPhone ? { applicantPhone: input.applicantPhone } : {}),
      ...(input.applicantEmail ? { applicantEmail: input.applicantEmail } : {}),
      ...(input.applicantAddress ? { applicantAddress: input.applicantAddress } : {}),
      request: input.request,
      deliveryForm: input.deliveryForm,
      deliveryWay: input.deliveryWay,
      submittedOn: today,
      receivedOn: today,
    });
    return {
      serialNo: row.serial_no,
      queryCode: row.query_code,
      organName: organ.name,
      receivedOn: row.received_on,
      dueOn: row.due_on,
      dueProvisional: dueProvisional(await this.calendars.calendar(), row.received_on, row.due_on),
    };
  }

  async status(code: string): Promise<PortalStatusView> {
    const row = await this.byCode(code);
    const organ = await getOrgan(this.db, row.organ_id);
    const calendar = await this.calendars.calendar();
    const state = row.state;
    const events = await repo.listEvents(this.db, row.id);
    const today = this.today();
    let paused = false;
    let dueOn = row.due_on;
    let provisional = dueProvisional(calendar, row.received_on, row.due_on);
    try {
      const deadline = caseDeadline(state, calendar, today);
      paused = deadline.paused;
      dueOn = deadline.dueOn;
      provisional = deadline.provisional && deadline.dueOn !== null;
    } catch {
      // A date beyond the calendar's reach (after 2100): show the stored date.
    }
    const closed = row.status === 'closed';
    const correctionNote = lastNote(events, 'requestCorrection');
    return {
      serialNo: row.serial_no,
      organName: organ.name,
      applicantName: maskName(row.applicant_name),
      applicantKind: APPLICANT_KIND_LABELS[state.applicantKind],
      request: row.request,
      submittedOn: row.submitted_on,
      receivedOn: row.received_on,
      status: row.status,
      statusLabel: CASE_STATUS_LABELS[state.status],
      dueOn: closed ? null : dueOn,
      dueProvisional: !closed && provisional,
      paused: !closed && paused,
      correction:
        state.correction && !state.correction.correctedOn && row.status === 'awaitingCorrection'
          ? { dueOn: state.correction.dueOn, items: correctionNote ?? '' }
          : null,
      fee: state.fee ? { amount: state.fee.amount, dueOn: state.fee.dueOn, paid: Boolean(state.fee.paidOn) } : null,
      outcome: closed ? (state.outcome ?? null) : null,
      outcomeLabel: closed && state.outcome ? OUTCOME_LABELS[state.outcome] : null,
      closedOn: closed ? row.closed_on : null,
      answerAvailable: closed && Boolean(state.outcome),
      steps: publicSteps(row, events, calendar),
    };
  }

  /** The 答复书 of a closed case, for the holder of its query code. */
  async answerLetter(code: string) {
    const row = await this.byCode(code);
    const state = row.state;
    if (row.status !== 'closed' || !state.outcome) throw notFound('该申请的答复（尚未办结）');
    const organ = await getOrgan(this.db, row.organ_id);
    const calendar = await this.calendars.calendar();
    const events = await repo.listEvents(this.db, row.id);
    const input = letterInput('answer', row, state, organ, events, calendar, this.today());
    const bytes = await renderLetterDocx(input);
    return { name: `${row.serial_no}${letterTitle(input)}.docx`, bytes };
  }

  /** Finds a case by its query code; a wrong code of any shape costs the same and answers 404. */
  private async byCode(code: string): Promise<ApplicationRow> {
    const given = normaliseCode(code);
    const row = CODE_PATTERN.test(given) ? await repo.findByQueryCode(this.db, given) : undefined;
    const expected = createHash('sha256')
      .update(row?.query_code ?? '-')
      .digest();
    const actual = createHash('sha256').update(given).digest();
    if (!row || !timingSafeEqual(expected, actual)) throw notFound(NO_SUCH_CODE);
    return row;
  }
}

/** The code as people type it: any case, spaces or dashes between groups. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** 王小明 → 王**: the status page is public to anyone holding the code. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(Math.min(4, chars.length - 1))}`;
}

function lastNote(events: readonly Event[], type: string): string | undefined {
  const event = [...events].reverse().find((e) => e.type === type);
  const note = (event?.data as Record<string, unknown> | null)?.note;
  return typeof note === 'string' && note.trim() ? note : undefined;
}

/**
 * The steps an applicant is told of, each with the 答复期限 it leaves, worked out by replaying the
 * case through the status machine. Internal steps (drafts, returns, requests for extension not yet
 * approved) and every note but the 补正 items stay inside the organ.
 */
function publicSteps(row: ApplicationRow, events: readonly Event[], calendar: WorkCalendar): PortalStepView[] {
  let state: CaseState | undefined;
  const steps: PortalStepView[] = [];
  for (const event of events) {
    const data = (event.data ?? {}) as Record<string, unknown>;
    try {
      state =
        event.type === 'intake'
          ? startCase({
              channel: row.channel as Channel,
              applicantKind: row.state.applicantKind,
              receivedOn: row.received_on,
            })
          : state && applyAction(state, { ...data, type: event.type, on: event.on } as CaseAction, calendar);
    } catch {
      state = undefined;
    }
    let dueOn: string | null = null;
    try {
      dueOn = state && state.status !== 'closed' ? answerDueOn(state, calendar) : null;
    } catch {
      dueOn = null;
    }
    const step = describe(event.type, data, state, row);
    const dueProvisionalFlag = dueProvisional(calendar, row.received_on, dueOn);
    if (step) steps.push({ type: event.type, on: event.on, ...step, dueOn, dueProvisional: dueProvisionalFlag });
  }
  return steps;
}

function describe(
  type: string,
  data: Record<string, unknown>,
  state: CaseState | undefined,
  row: ApplicationRow,
): { title: string; detail: string | null } | undefined {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
  switch (type) {
    case 'intake':
      return {
        title: '收到申请',
        detail: `${CHANNEL_LABELS[row.channel as Channel] ?? row.channel}，提交日期 ${row.submitted_on}`,
      };
    case 'requestCorrection':
      return {
        title: '补正告知',
        detail: [
          text(data.note) ? `需要补正：${text(data.note)}` : null,
          state?.correction ? `请于 ${state.correction.dueOn} 前补正，补正后答复期限重新计算` : null,
        ]
          .filter(Boolean)
          .join('；'),
      };
    case 'receiveCorrection':
      return { title: '收到补正后的申请', detail: '答复期限自收到补正后的申请之日起重新计算' };
    case 'lapseCorrection':
      return { title: '逾期未补正，终止办理', detail: null };
    case 'startConsultation':
      return { title: '征求第三方意见', detail: '征求意见所需时间不计算在答复期限内' };
    case 'endConsultation':
      return { title: '征求意见结束', detail: null };
    case 'sendFeeNotice':
      return {
        title: '收费通知',
        detail: state?.fee
          ? `信息处理费 ${state.fee.amount} 元，请于 ${state.fee.dueOn} 前缴纳；缴费前不计算答复期限`
          : null,
      };
    case 'recordPayment':
      return { title: '已缴纳信息处理费', detail: null };
    case 'lapseFee':
      return { title: '逾期未缴费，终止办理', detail: null };
    case 'approveExtension':
      return {
        title: '延期答复',
        detail: state?.extension ? `延长答复期限 ${state.extension.days} 个工作日` : null,
      };
    case 'approveAnswer': {
      const outcome = state?.outcome as Outcome | undefined;
      return { title: '作出答复', detail: outcome ? `办理结果：${OUTCOME_LABELS[outcome]}` : null };
    }
    case 'withdraw':
      return { title: '申请人撤回申请', detail: null };
    default:
      return undefined;
  }
}
