export * from './model.js';
export * from './applicant.js';
export * from './state.js';
export { CaseRuleError, type CaseRuleCode } from './errors.js';
export { lastEventOn } from './events.js';
export * from './periods.js';
export {
  PER_PAGE_TIERS,
  feeBreakdown,
  feeFor,
  perApplicationFee,
  perApplicationTier,
  perPageFee,
  type FeeBreakdown,
  type FeeLine,
  type FeeTier,
} from './fees.js';
export {
  PAUSED_STATUSES,
  answerDueOn,
  answerPeriodDays,
  caseDeadline,
  correctionNoticeDueOn,
  type CaseDeadline,
} from './deadline.js';
export {
  ACTION_STATUSES,
  APPROVED_MOVES,
  REFERRAL_OUTCOME,
  allowedActions,
  applyAction,
  isSelfApproval,
  startCase,
  type Approver,
  type NewCase,
} from './machine.js';
export * from './reminders.js';
export { answerWorkingDays, percentile, timeliness, type Timeliness, type TimelinessRow } from './timeliness.js';
