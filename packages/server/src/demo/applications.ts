import {
  addCalendarDays,
  ANSWER_OUTCOMES,
  seededRandom,
  type ApplicantKind,
  type CaseAction,
  type Channel,
  type Outcome,
  type WorkCalendar,
} from '@xxgk/core';
import type { IntakeInput } from '../features/applications/views.js';

type Random = () => number;

/** Picks by weight: the mix of applicants and outcomes a county agency sees in a year. */
function weighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (entries.at(-1) as readonly [T, number])[0];
}

const KINDS: readonly (readonly [ApplicantKind, number])[] = [
  ['natural', 72],
  ['business', 12],
  ['legal', 7],
  ['research', 2],
  ['ngo', 2],
  ['otherOrg', 5],
];

const CHANNEL_MIX: readonly (readonly [Channel, number])[] = [
  ['online', 55],
  ['registeredMail', 20],
  ['inPerson', 15],
  ['email', 7],
  ['fax', 1],
  ['ordinaryMail', 2],
];

const OUTCOME_MIX: readonly (readonly [Outcome, number])[] = ANSWER_OUTCOMES.map((outcome) => {
  const weights: Partial<Record<Outcome, number>> = {
    granted: 38,
    partial: 9,
    'unable.notHeld': 22,
    'unable.needsCreation': 3,
    'rejected.petition': 6,
    'rejected.duplicate': 3,
    'rejected.confirm': 2,
    'denied.process': 3,
    'denied.thirdParty': 2,
    'denied.internal': 2,
    'denied.enforcementFile': 1,
    'other.other': 1,
  };
  return [outcome, weights[outcome] ?? 0.3] as const;
});

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '建国',
  '志强',
  '桂兰',
];
/**
 * Applicants other than natural persons, by the kind the report counts them under (section 三's
 * columns): a law firm is a 法律服务机构, not a 商业企业.
 */
const ORGANISATIONS: Readonly<Record<Exclude<ApplicantKind, 'natural'>, readonly string[]>> = {
  business: ['淮北市安达化工有限公司', '相山区鑫源商贸有限公司', '淮北市建投集团'],
  legal: ['安徽恒信律师事务所', '淮北市相城法律服务所'],
  research: ['淮北师范大学课题组'],
  ngo: ['相山区绿色家园环保协会'],
  otherOrg: ['相山区东山街道居民委员会'],
};
const REQUESTS = [
  '2025年本区危险化学品经营许可证核发情况（企业名称、许可证编号）',
  '某小区火灾事故调查报告',
  '本局2024年安全生产行政处罚决定书（文号及处罚结果）',
  '相山区森林火灾应急预案全文',
  '2025年度安全生产专项资金使用明细',
  '本区非煤矿山安全生产许可证发放情况',
  '某建筑工地生产安全事故调查处理结论',
  '本局权责清单及行政执法人员名单',
  '2025年防汛抗旱物资储备采购合同',
  '辖区内重大危险源企业名单及应急预案备案情况',
];

export interface DemoCase {
  readonly intake: IntakeInput;
  /** The moves on the case in date order; those dated after the demo's today are left undone. */
  readonly actions: readonly { readonly actor: 'officer' | 'reviewer'; readonly action: CaseAction }[];
}

function applicantName(random: Random, kind: ApplicantKind): string {
  if (kind !== 'natural') {
    const names = ORGANISATIONS[kind];
    // One draw, as for a person, so the rest of the demo stays as it was.
    return names[Math.floor(random() * names.length)] as string;
  }
  const surname = SURNAMES[Math.floor(random() * SURNAMES.length)] as string;
  return surname + (GIVEN[Math.floor(random() * GIVEN.length)] as string);
}

/** A case as registered on `receivedOn`: who applied, how, for what. */
function demoIntake(random: Random, receivedOn: string, index: number): IntakeInput {
  const kind = weighted(random, KINDS);
  const channel = weighted(random, CHANNEL_MIX);
  const submittedOn = channel === 'inPerson' ? receivedOn : addCalendarDays(receivedOn, -1 - Math.floor(random() * 3));
  return {
    channel,
    applicantKind: kind,
    applicantName: applicantName(random, kind),
    applicantPhone: `1390561${String(1000 + index).padStart(4, '0')}`,
    request: REQUESTS[Math.floor(random() * REQUESTS.length)] as string,
    deliveryForm: random() < 0.7 ? 'electronic' : 'paper',
    deliveryWay: random() < 0.6 ? 'email' : 'post',
    submittedOn,
    receivedOn,
  };
}

/** The moves on a case received on `receivedOn`: one of the lawful paths, drawn by its share. */
function demoHistory(random: Random, calendar: WorkCalendar, receivedOn: string): DemoCase['actions'][number][] {
  const after = (n: number) => calendar.addWorkingDays(receivedOn, n);
  const actions: DemoCase['actions'][number][] = [];
  const answer = (on: string) => {
    const outcome = weighted(random, OUTCOME_MIX);
    actions.push({ actor: 'officer', action: { type: 'draftAnswer', on, outcome } });
    actions.push({ actor: 'reviewer', action: { type: 'approveAnswer', on: calendar.addWorkingDays(on, 1) } });
  };
  const path = random();
  if (path < 0.1) {
    actions.push({
      actor: 'officer',
      action: {
        type: 'requestCorrection',
        on: after(2),
        note: '请补充所需信息的名称、文号或者便于查询的其他特征性描述',
      },
    });
    if (random() < 0.8) {
      const corrected = after(4 + Math.floor(random() * 6));
      actions.push({ actor: 'officer', action: { type: 'receiveCorrection', on: corrected } });
      answer(calendar.addWorkingDays(corrected, 3 + Math.floor(random() * 10)));
    } else {
      actions.push({ actor: 'officer', action: { type: 'lapseCorrection', on: after(2 + 16) } });
    }
  } else if (path < 0.18) {
    actions.push({
      actor: 'officer',
      action: { type: 'startConsultation', on: after(3), note: '所申请信息涉及第三方商业秘密，书面征求第三方意见' },
    });
    const back = after(8 + Math.floor(random() * 7));
    actions.push({ actor: 'officer', action: { type: 'endConsultation', on: back } });
    answer(calendar.addWorkingDays(back, 3));
  } else if (path < 0.26) {
    actions.push({
      actor: 'officer',
      action: {
        type: 'requestExtension',
        on: after(15),
        days: 15,
        reason: '所需信息需从多个科室档案中检索汇总，20个工作日内难以答复',
      },
    });
    actions.push({ actor: 'reviewer', action: { type: 'approveExtension', on: after(16) } });
    answer(after(24 + Math.floor(random() * 8)));
  } else if (path < 0.29) {
    actions.push({
      actor: 'officer',
      action: { type: 'sendFeeNotice', on: after(5), method: 'perPage', quantity: 120 + Math.floor(random() * 100) },
    });
    if (random() < 0.7) {
      const paid = after(8 + Math.floor(random() * 5));
      actions.push({ actor: 'officer', action: { type: 'recordPayment', on: paid } });
      answer(calendar.addWorkingDays(paid, 5));
    } else {
      actions.push({ actor: 'officer', action: { type: 'lapseFee', on: after(5 + 21) } });
    }
  } else if (path < 0.33) {
    actions.push({ actor: 'officer', action: { type: 'withdraw', on: after(3), note: '申请人书面撤回申请' } });
  } else {
    answer(after(3 + Math.floor(random() * 15)));
  }
  return actions;
}

/**
 * A year's worth of applications with lawful histories: most answered within the period, some
 * with 补正, third-party consultation, an approved extension or a fee notice, a few withdrawn,
 * and the latest still open (some due soon, some overdue) so that the due-list has work.
 */
export function demoCases(
  calendar: WorkCalendar,
  options: { from: string; to: string; count: number; seed: number; stallRecent?: boolean },
): DemoCase[] {
  const random = seededRandom(options.seed);
  const days: string[] = [];
  for (let day = calendar.nextWorkingDay(options.from); day <= options.to; day = calendar.nextWorkingDay(day))
    days.push(day);
  const received = Array.from(
    { length: options.count },
    () => days[Math.floor(random() * days.length)] as string,
  ).sort();
  return received.map((receivedOn, index) => {
    const intake = demoIntake(random, receivedOn, index);
    const actions = demoHistory(random, calendar, receivedOn);
    // Some recent cases are still waiting for an answer: the due-list's work, a few already late.
    const recent = options.stallRecent === true && calendar.workingDaysBetween(receivedOn, options.to) <= 26;
    if (recent && random() < 0.4)
      return {
        intake,
        actions: actions.filter((step) => step.action.type !== 'draftAnswer' && step.action.type !== 'approveAnswer'),
      };
    return { intake, actions };
  });
}
