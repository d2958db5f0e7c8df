import type { Kysely } from 'kysely';
import { timeliness, type TimelinessRow, type WorkCalendar } from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { forbidden } from '../../errors.js';
import { assertRead, type Actor } from '../access.js';
import type { CalendarService } from '../calendar/service.js';
import { getOrgan } from '../organs/repository.js';
import { peopleNames, workloadRows } from './repository.js';

/**
 * Workload and timeliness (core `timeliness`): cases in hand, working days to answer (median, 90th
 * percentile) and the share answered late, of the answers given in a year — per officer on the
 * workbench, per organ in supervision.
 */
export class WorkloadService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly calendars: CalendarService,
    private readonly today: Clock,
  ) {}

  /** One organ: the organ as a whole and each handler (cases registered from the portal by nobody: 未分配). */
  async organ(actor: Actor, organId: number, year?: number) {
    assertRead(actor, await getOrgan(this.db, organId), '机关的申请');
    const span = this.span(year);
    const rows = await workloadRows(this.db, { organId }, span.from, span.to);
    const calendar = await this.calendars.calendar();
    const byHandler = groupBy(rows, (row) => row.handlerId ?? 0);
    const names = new Map(
      (
        await peopleNames(
          this.db,
          [...byHandler.keys()].filter((id) => id !== 0),
        )
      ).map((p) => [p.id, p.name]),
    );
    const officers = [...byHandler.entries()].map(([id, group]) => ({
      userId: id === 0 ? null : id,
      name: id === 0 ? '未分配' : (names.get(id) ?? '未知'),
      ...measure(group, calendar),
    }));
    officers.sort((a, b) => b.inHand - a.inHand || (a.name < b.name ? -1 : 1));
    return { ...span, organ: measure(rows, calendar), officers };
  }

  /** Every organ under the 政务公开办's government, the latest share late first. */
  async organs(actor: Actor, year?: number) {
    if (actor.role !== 'supervisor' && actor.role !== 'sysAdmin') throw forbidden('只有政务公开办可以查看监督情况');
    const span = this.span(year);
    const path = actor.role === 'sysAdmin' ? '/' : actor.organPath;
    const rows = await workloadRows(this.db, { path }, span.from, span.to);
    const calendar = await this.calendars.calendar();
    const organs = [...groupBy(rows, (row) => row.organId).entries()].map(([organId, group]) => ({
      organId,
      organName: group[0]?.organName ?? '',
      ...measure(group, calendar),
    }));
    organs.sort((a, b) => (b.lateShare ?? -1) - (a.lateShare ?? -1) || b.inHand - a.inHand);
    return { ...span, overall: measure(rows, calendar), organs };
  }

  /** The answers of a year (this year unless given), and the cases open now. */
  private span(year?: number) {
    const y = year ?? Number(this.today().slice(0, 4));
    return { year: y, from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

function measure(rows: readonly TimelinessRow[], calendar: WorkCalendar) {
  return timeliness(rows, calendar);
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
