import type { Kysely } from 'kysely';
import type { Role } from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import { forbidden, unprocessable } from '../../errors.js';
import type { Actor } from '../access.js';
import { appendAudit } from '../audit/repository.js';
import { remindOfAssignment } from '../notifications/events.js';
import { caseToAssign, organOfficers, setAssignee } from './assignment/repository.js';

/**
 * Who assigns an organ's cases to its officers (分派承办人): the 审核人, who answers for the
 * organ's replies, and the 机关管理员 (the organ's 负责人 on the platform). Officers work the
 * cases they are given; the 政务公开办 reads every organ's cases but runs none of them.
 */
export const ASSIGNERS: readonly Role[] = ['reviewer', 'organAdmin'];

/** What became of one case of a batch: assigned, or refused with the reason in Chinese. */
export interface AssignOutcome {
  readonly id: number;
  readonly serialNo: string | null;
  readonly result: 'assigned' | 'refused';
  readonly reason: string | null;
}

interface Assignee {
  readonly id: number;
  readonly name: string;
}

/**
 * Assigns each case of `ids` to the officer `assigneeId`, each in a transaction of its own, so a
 * case that cannot be assigned (another organ's, closed, already with that officer) is refused
 * and the rest go on. Who may assign and to whom are checked once for the whole batch.
 */
export async function assignCases(db: Kysely<Database>, actor: Actor, ids: readonly number[], assigneeId: number) {
  if (!ASSIGNERS.includes(actor.role)) throw forbidden('只有本机关的审核人、机关管理员可以分派申请');
  const assignee = (await organOfficers(db, actor.organId)).find((o) => o.id === assigneeId);
  if (!assignee) throw unprocessable('assignee-invalid', '承办人应为本机关在岗的经办人，请重新选择');
  const results: AssignOutcome[] = [];
  for (const id of new Set(ids)) results.push(await assignOne(db, actor, id, assignee));
  return {
    assignee,
    assigned: results.filter((r) => r.result === 'assigned').length,
    refused: results.filter((r) => r.result === 'refused').length,
    results,
  };
}

async function assignOne(db: Kysely<Database>, actor: Actor, id: number, assignee: Assignee): Promise<AssignOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await caseToAssign(trx, id);
    const refuse = (reason: string): AssignOutcome => ({
      id,
      serialNo: row && row.organ_id === actor.organId ? row.serial_no : null,
      result: 'refused',
      reason,
    });
    // Another organ's case answers as one that does not exist: its number does not leak.
    if (!row || row.organ_id !== actor.organId) return refuse('申请不存在或不属于本机关');
    if (row.status === 'closed') return refuse('申请已办结，不能再分派');
    if (row.assignee_id === assignee.id) return refuse(`已由${assignee.name}承办`);
    await setAssignee(trx, id, assignee.id);
    await appendAudit(trx, {
      actorId: actor.id,
      organId: row.organ_id,
      entity: 'application',
      entityId: id,
      action: 'assign',
      before: { assigneeId: row.assignee_id },
      after: { assigneeId: assignee.id },
    });
    await remindOfAssignment(trx, {
      applicationId: id,
      serialNo: row.serial_no,
      dueOn: row.due_on,
      assigneeId: assignee.id,
    });
    return { id, serialNo: row.serial_no, result: 'assigned', reason: null };
  });
}
