import type { Kysely } from 'kysely';
import { APPROVED_MOVES, isSelfApproval, type CaseActionType } from '@xxgk/core';
import type { Database, Organ } from '../../db/schema.js';
import type { Actor } from '../access.js';
import { findOrgan } from '../organs/repository.js';
import { authorOf } from './repository.js';

/**
 * Whether the actor's `type` approves their own move (true: allowed by the organ, to be marked);
 * a 422 `self-approval` when the organ does not allow it. Read in the action's transaction, with
 * the organ as that transaction sees it.
 */
export async function checkSelfApproval(
  db: Kysely<Database>,
  applicationId: number,
  type: CaseActionType,
  actor: Actor,
  organ: Organ,
): Promise<boolean> {
  const approved = APPROVED_MOVES[type];
  if (!approved) return false;
  const authorId = await authorOf(db, applicationId, approved);
  // A refusal is a CaseRuleError, which the HTTP layer answers with a 422.
  return isSelfApproval(type, { personId: actor.id, authorId, selfApprovalAllowed: organ.allow_self_approval });
}

/** The allowed actions less the approvals the actor may not make, being their own moves. */
export async function withoutOwnApprovals(
  db: Kysely<Database>,
  applicationId: number,
  organId: number,
  actor: Actor,
  actions: CaseActionType[],
): Promise<CaseActionType[]> {
  if (!actions.some((type) => APPROVED_MOVES[type])) return actions;
  // Unremembered: the setting can change (organs' other fields never do).
  const organ = await findOrgan(db, organId);
  if (!organ) return actions;
  const kept: CaseActionType[] = [];
  for (const type of actions) {
    const approved = APPROVED_MOVES[type];
    const own = approved !== undefined && (await authorOf(db, applicationId, approved)) === actor.id;
    if (!own || organ.allow_self_approval) kept.push(type);
  }
  return kept;
}
