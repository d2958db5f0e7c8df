/** Why a move on a case was refused. Stable codes for programs; the message is Chinese for officers. */
export type CaseRuleCode =
  /** The action type is not one of `CaseAction`. */
  | 'unknown-action'
  /** The action is not lawful in the case's current status. */
  | 'not-allowed'
  /** A date that is not `YYYY-MM-DD`, or a channel or applicant kind outside the lists. */
  | 'bad-date'
  | 'bad-input'
  /** The action is dated before the case's latest event. */
  | 'date-before-previous'
  | 'correction-repeated'
  | 'correction-notice-late'
  | 'correction-note-missing'
  | 'correction-due-invalid'
  | 'correction-late'
  | 'correction-not-lapsed'
  | 'fee-repeated'
  | 'fee-notice-late'
  | 'fee-quantity-invalid'
  | 'fee-zero'
  | 'payment-late'
  | 'fee-not-lapsed'
  | 'extension-repeated'
  | 'extension-days-invalid'
  | 'extension-reason-missing'
  | 'extension-late'
  | 'extension-not-pending'
  | 'outcome-not-allowed'
  /** The approver made the move being approved, and the organ does not allow that. */
  | 'self-approval'
  | 'referral-organ-missing';

export class CaseRuleError extends Error {
  constructor(
    readonly code: CaseRuleCode,
    message: string,
  ) {
    super(message);
    this.name = 'CaseRuleError';
  }
}
