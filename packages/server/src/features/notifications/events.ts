import { caseReminderTitle, type CaseActionType, type Role } from '@xxgk/core';
import type { Db } from '../../db/schema.js';
import { authorOf } from '../applications/repository.js';
import { insertNotifications, organPeople, settleReminders } from './repository.js';

/**
 * Reminders given as things happen, inside the transaction of the change they tell of, so that a
 * reminder never speaks of a move that was rolled back. Mail goes out later (NotificationService).
 */

export const CASE_WORKERS: readonly Role[] = ['officer', 'reviewer'];
const ORGAN_STAFF: readonly Role[] = ['officer', 'reviewer', 'organAdmin'];

export interface CaseMove {
  readonly applicationId: number;
  readonly organId: number;
  readonly serialNo: string;
  readonly dueOn: string | null;
  /** The case's version after the move: one reminder per move. */
  readonly version: number;
  /** The move closed the case. */
  readonly closed: boolean;
  readonly type: CaseActionType;
  readonly actorId: number;
}

/** Moves that decide what a 待审核 reminder asked for. */
const DECISIONS: readonly CaseActionType[] = ['approveAnswer', 'returnAnswer', 'approveExtension', 'rejectExtension'];
const DEADLINE_KINDS = ['dueIn3', 'dueIn1', 'overdue'];

/**
 * A draft or an extension request waits for a reviewer; a returned draft goes back to its drafter.
 * A decision settles the 待审核 reminders of the case, and closing it settles its deadline ones.
 */
export async function remindOfMove(db: Db, move: CaseMove): Promise<void> {
  if (DECISIONS.includes(move.type)) await settleReminders(db, move.applicationId, ['awaitingApproval']);
  if (move.closed)
    await settleReminders(db, move.applicationId, [...DEADLINE_KINDS, 'awaitingApproval', 'returned', 'assigned']);
  const facts = { serialNo: move.serialNo, dueOn: move.dueOn };
  const base = { applicationId: move.applicationId, dueOn: move.dueOn };
  if (move.type === 'draftAnswer' || move.type === 'requestExtension') {
    const reviewers = await organPeople(db, move.organId, ['reviewer'], move.actorId);
    await insertNotifications(
      db,
      reviewers.map((userId) => ({
        ...base,
        userId,
        kind: 'awaitingApproval',
        title: caseReminderTitle('awaitingApproval', facts),
        dedupeKey: `awaitingApproval:${move.applicationId}:${move.version}`,
      })),
    );
  }
  if (move.type === 'returnAnswer') {
    const drafter = await authorOf(db, move.applicationId, 'draftAnswer');
    if (drafter === null) return;
    await insertNotifications(db, [
      {
        ...base,
        userId: drafter,
        kind: 'returned',
        title: caseReminderTitle('returned', facts),
        dedupeKey: `returned:${move.applicationId}:${move.version}`,
      },
    ]);
  }
}

/** A case transferred in: every officer and reviewer of the receiving organ is told. */
export async function remindOfTransfer(
  db: Db,
  to: { organId: number; applicationId: number; serialNo: string; dueOn: string | null; fromOrganName: string },
): Promise<void> {
  const people = await organPeople(db, to.organId, CASE_WORKERS);
  await insertNotifications(
    db,
    people.map((userId) => ({
      userId,
      kind: 'transferredIn',
      title: caseReminderTitle('transferredIn', { serialNo: to.serialNo, dueOn: to.dueOn, from: to.fromOrganName }),
      applicationId: to.applicationId,
      dueOn: to.dueOn,
      dedupeKey: `transferredIn:${to.applicationId}`,
    })),
  );
}

/**
 * A case assigned to an officer: they are told, and an earlier assignee's reminder of the case is
 * settled (the case is no longer theirs). Each assignment is news, even back to an earlier officer.
 */
export async function remindOfAssignment(
  db: Db,
  to: { applicationId: number; serialNo: string; dueOn: string | null; assigneeId: number },
): Promise<void> {
  await settleReminders(db, to.applicationId, ['assigned']);
  await insertNotifications(db, [
    {
      userId: to.assigneeId,
      kind: 'assigned',
      title: caseReminderTitle('assigned', { serialNo: to.serialNo, dueOn: to.dueOn }),
      applicationId: to.applicationId,
      dueOn: to.dueOn,
      dedupeKey: `assigned:${to.applicationId}:${to.assigneeId}:${Date.now()}`,
    },
  ]);
}

/** A 催办 received: the organ's staff are told. */
export async function remindOfUrge(db: Db, urge: { id: number; organId: number; title: string }): Promise<void> {
  const people = await organPeople(db, urge.organId, ORGAN_STAFF);
  await insertNotifications(
    db,
    people.map((userId) => ({
      userId,
      kind: 'urged',
      title: urge.title,
      urgeId: urge.id,
      dedupeKey: `urged:${urge.id}`,
    })),
  );
}
