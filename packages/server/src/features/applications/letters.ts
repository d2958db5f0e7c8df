import {
  caseDeadline,
  feeBreakdown,
  type CaseState,
  type LetterInput,
  type LetterKind,
  type WorkCalendar,
} from '@xxgk/core';
import type { ApplicationRow, Organ } from '../../db/schema.js';
import { notFound } from '../../errors.js';

interface EventNote {
  readonly type: string;
  readonly on: string;
  readonly data: unknown;
}

function noteOf(events: readonly EventNote[], type: string, field = 'note'): string | undefined {
  const event = [...events].reverse().find((e) => e.type === type);
  const value = (event?.data as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/**
 * The letter of a kind for a case, filled from what the case records: the answer once drafted,
 * the 补正 notice once sent, and so on. A letter the case has not reached is "not found". A date
 * it gives that was counted through a year without a holiday notice is printed 暂定.
 */
export function letterInput(
  kind: LetterKind,
  row: ApplicationRow,
  state: CaseState,
  organ: Organ,
  events: readonly EventNote[],
  calendar: WorkCalendar,
  today: string,
): LetterInput {
  const input = letterContent(kind, row, state, organ, events, calendar, today);
  const dueOn = input.correction?.dueOn ?? input.extension?.dueOn ?? input.fee?.dueOn ?? input.consultation?.dueOn;
  const provisional = dueOn !== undefined && calendar.provisionalBetween(input.issuedOn, dueOn);
  return provisional ? { ...input, provisionalDates: true } : input;
}

function letterContent(
  kind: LetterKind,
  row: ApplicationRow,
  state: CaseState,
  organ: Organ,
  events: readonly EventNote[],
  calendar: WorkCalendar,
  today: string,
): LetterInput {
  const base = letterBase(kind, row, organ);
  const missing = (what: string) => notFound(`该申请的${what}`);
  switch (kind) {
    case 'answer':
      return { ...base, ...answerOf(state, row, events, today) };
    case 'correctionNotice': {
      if (!state.correction) throw missing('补正告知');
      return {
        ...base,
        issuedOn: state.correction.noticeOn,
        correction: {
          dueOn: state.correction.dueOn,
          items: noteOf(events, 'requestCorrection') ?? '所需政府信息的名称、文号或者便于查询的其他特征性描述',
        },
      };
    }
    case 'extensionNotice': {
      const extension = state.extension;
      if (!extension?.approvedOn) throw missing('延期批准');
      const dueOn = caseDeadline(state, calendar, today).dueOn;
      if (!dueOn) throw missing('延期后的答复期限');
      return {
        ...base,
        issuedOn: extension.approvedOn,
        extension: { days: extension.days, dueOn, reason: extension.reason },
      };
    }
    case 'feeNotice': {
      const fee = state.fee;
      if (!fee) throw missing('收费通知');
      const breakdown = feeBreakdown(fee.method, fee.quantity).lines.map((line) => ({
        label: line.label,
        quantity: line.quantity,
        price: line.unitPrice,
        subtotal: line.subtotal,
      }));
      return {
        ...base,
        issuedOn: fee.noticeOn,
        fee: { method: fee.method, quantity: fee.quantity, amount: fee.amount, dueOn: fee.dueOn, breakdown },
      };
    }
    case 'consultationNotice': {
      const pause = [...state.pauses].reverse().find((p) => p.kind === 'consultation');
      if (!pause) throw missing('征求意见');
      const deadline = caseDeadline(state, calendar, today);
      return {
        ...base,
        issuedOn: pause.from,
        consultation: {
          thirdParty: noteOf(events, 'startConsultation', 'thirdParty') ?? '第三方',
          dueOn: deadline.consultationDueOn ?? calendar.addWorkingDays(pause.from, 15),
        },
      };
    }
  }
}

/** What every letter gives: the organ writing it and the application it answers. */
function letterBase(kind: LetterKind, row: ApplicationRow, organ: Organ) {
  return {
    kind,
    organ: {
      name: organ.name,
      ...(organ.address ? { address: organ.address } : {}),
      ...(organ.phone ? { phone: organ.phone } : {}),
      ...(organ.review_body ? { reviewBody: organ.review_body } : {}),
      ...(organ.court ? { court: organ.court } : {}),
    },
    application: {
      serialNo: row.serial_no,
      applicantName: row.applicant_name,
      receivedOn: row.received_on,
      request: row.request,
    },
  };
}

/** The answer's own part: its outcome, date and text (a withdrawal's note, when withdrawn). */
function answerOf(state: CaseState, row: ApplicationRow, events: readonly EventNote[], today: string) {
  const outcome = state.outcome ?? state.answer?.outcome;
  if (!outcome) throw notFound('该申请的答复');
  // The officer's own words follow the template's (what is provided, in what form, attachments).
  const body =
    outcome === 'other.other'
      ? (noteOf(events, 'withdraw') ?? row.answer_body ?? '申请人已撤回申请，本机关终止办理。')
      : (row.answer_body ?? undefined);
  return {
    issuedOn: state.closedOn ?? state.answer?.draftedOn ?? today,
    outcome,
    ...(body ? { body } : {}),
    ...(state.referral ? { referral: referralOf(state.referral.organName, events) } : {}),
  };
}

/** The organ named under 第三十六条第（五）项, and whether the case was handed over on the platform. */
function referralOf(organName: string, events: readonly EventNote[]) {
  const data = events.findLast((event) => event.type === 'transfer')?.data as { toOrganId?: unknown } | undefined;
  return { organName, forwarded: typeof data?.toOrganId === 'number' };
}
