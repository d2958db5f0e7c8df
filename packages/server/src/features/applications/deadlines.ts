import type { Kysely } from 'kysely';
import { caseDeadline, CalendarError, type CaseState, type WorkCalendar } from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import { appendAudit } from '../audit/repository.js';
import { moveDueDate, openCases } from './repository.js';

/**
 * Deadlines against a changing calendar: whether a stored due date rests on a provisional year,
 * which open cases a new or corrected year would move (a preview, nothing saved), and the
 * recomputation that saves the moves and records each one on its case.
 */

/**
 * A due date counted from `receivedOn` through a year without a notice is provisional (暂定). The
 * count runs from the period's start (on or after receipt) to the due date, so the years between
 * receipt and due date are the ones it touched.
 */
export function dueProvisional(calendar: WorkCalendar, receivedOn: string, dueOn: string | null): boolean {
  if (dueOn === null) return false;
  try {
    return calendar.provisionalBetween(receivedOn, dueOn);
  } catch (error) {
    if (error instanceof CalendarError) return false;
    throw error;
  }
}

/** One open case whose due date the calendar change moves. */
export interface DueMove {
  readonly id: number;
  readonly serialNo: string;
  readonly organId: number;
  readonly organName: string;
  readonly from: string | null;
  readonly to: string | null;
  /** The new date still rests on a provisional year (another year without a notice). */
  readonly provisional: boolean;
}

/** The due date of a case on `calendar`, or null (a pause, or a date beyond 2100). */
function dueOnFor(state: CaseState, calendar: WorkCalendar, today: string) {
  try {
    return caseDeadline(state, calendar, today);
  } catch (error) {
    if (error instanceof CalendarError) return null;
    throw error;
  }
}

/** Every open case whose stored due date differs on `calendar`, by organ and serial number. */
export async function dueMoves(db: Kysely<Database>, calendar: WorkCalendar, today: string): Promise<DueMove[]> {
  const open = await openCases(db);
  const moves: DueMove[] = [];
  for (const row of open) {
    const deadline = dueOnFor(row.state, calendar, today);
    const to = deadline?.dueOn ?? null;
    if (to === row.due_on) continue;
    moves.push({
      id: row.id,
      serialNo: row.serial_no,
      organId: row.organ_id,
      organName: row.organ_name,
      from: row.due_on,
      to,
      provisional: deadline?.provisional ?? false,
    });
  }
  return moves;
}

/**
 * Saves the due dates `calendar` gives every open case and records each move on its case (the
 * previous date, when, why) and in the audit log, so that the officer sees what moved.
 */
export async function recomputeDueDates(
  db: Kysely<Database>,
  calendar: WorkCalendar,
  today: string,
  reason: string,
): Promise<DueMove[]> {
  const moves = await dueMoves(db, calendar, today);
  await db.transaction().execute(async (trx) => {
    for (const move of moves) {
      // An officer's move in the meantime recomputed the date already: leave it.
      if (!(await moveDueDate(trx, move, reason))) continue;
      await appendAudit(trx, {
        actorId: null,
        organId: move.organId,
        entity: 'application',
        entityId: move.id,
        action: 'deadlineMoved',
        before: { dueOn: move.from },
        after: { dueOn: move.to, reason },
      });
    }
  });
  return moves;
}
