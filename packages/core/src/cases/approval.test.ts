import { describe, expect, it } from 'vitest';
import { CaseRuleError } from './errors.js';
import { isSelfApproval } from './machine.js';
import { ACTION_LABELS, type CaseActionType } from './state.js';

describe('the approver is another person than the author (审核与拟稿分离)', () => {
  const drafter = 7;
  const other = 8;

  it.each<CaseActionType>(['approveAnswer', 'approveExtension'])('refuses %s by its author', (type) => {
    const run = () => isSelfApproval(type, { personId: drafter, authorId: drafter, selfApprovalAllowed: false });
    expect(run).toThrow(CaseRuleError);
    expect(run).toThrow(expect.objectContaining({ code: 'self-approval' }));
    expect(run).toThrow(new RegExp(ACTION_LABELS[type]));
  });

  it.each<CaseActionType>(['approveAnswer', 'approveExtension'])('allows %s by another person, unmarked', (type) => {
    expect(isSelfApproval(type, { personId: other, authorId: drafter, selfApprovalAllowed: false })).toBe(false);
  });

  it('allows the author when the organ allows it, and says so, to be marked', () => {
    expect(isSelfApproval('approveAnswer', { personId: drafter, authorId: drafter, selfApprovalAllowed: true })).toBe(
      true,
    );
  });

  it('leaves other actions and unknown authors alone', () => {
    expect(isSelfApproval('returnAnswer', { personId: drafter, authorId: drafter, selfApprovalAllowed: false })).toBe(
      false,
    );
    expect(
      isSelfApproval('rejectExtension', { personId: drafter, authorId: drafter, selfApprovalAllowed: false }),
    ).toBe(false);
    expect(isSelfApproval('approveAnswer', { personId: drafter, authorId: null, selfApprovalAllowed: false })).toBe(
      false,
    );
  });
});
