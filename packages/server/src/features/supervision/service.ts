import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { countBySeverity, type Finding } from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { forbidden } from '../../http/errors.js';
import type { Actor } from '../access.js';
import { organsUnder } from '../organs/repository.js';
import { publicationDeadline, type ReportStatus } from '../reports/service.js';

/** 未开始 / 草稿 / 已发布 / 逾期: what the 政务公开办 chases. */
export const SUPERVISION_STATUSES = ['notStarted', 'draft', 'published', 'late'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

/**
 * The 政务公开办's view of every organ under its government for one year: where each report
 * stands, how many findings the rules raise, who is late, and the year's applications.
 */
export class SupervisionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly today: Clock,
  ) {}

  async year(actor: Actor, year: number) {
    if (actor.role !== 'supervisor' && actor.role !== 'sysAdmin') throw forbidden('只有政务公开办可以查看监督情况');
    const organs = await organsUnder(this.db, actor.role === 'sysAdmin' ? '/' : actor.organPath);
    const ids = organs.map((o) => o.id);
    const [reports, applications] = await Promise.all([
      this.db
        .selectFrom('annual_reports')
        .select(['organ_id', 'status', 'findings', 'published_on', 'late', 'updated_at'])
        .where('year', '=', year)
        .where('organ_id', 'in', ids.length ? ids : [-1])
        .execute(),
      this.db
        .selectFrom('applications')
        .select([
          'organ_id',
          sql<number>`count(*)`.as('received'),
          sql<number>`count(*) filter (where status <> 'closed')`.as('open'),
        ])
        .where('organ_id', 'in', ids.length ? ids : [-1])
        .where(sql`extract(year from received_on)`, '=', year)
        .groupBy('organ_id')
        .execute(),
    ]);
    const reportBy = new Map(reports.map((r) => [r.organ_id, r]));
    const applicationsBy = new Map(applications.map((a) => [a.organ_id, a]));
    const today = this.today();
    const overdue = today > publicationDeadline(year);
    const rows = organs.map((organ) => {
      const report = reportBy.get(organ.id);
      const published = report?.status === 'published';
      const late = published ? report.late : overdue;
      const status: SupervisionStatus = late ? 'late' : published ? 'published' : report ? 'draft' : 'notStarted';
      const apps = applicationsBy.get(organ.id);
      return {
        organId: organ.id,
        organName: organ.name,
        parentId: organ.parent_id,
        status,
        // The column holds 'draft' or 'published', written only by the report service.
        reportStatus: (report?.status ?? 'notStarted') as ReportStatus,
        publishedOn: report?.published_on ?? null,
        findings: countBySeverity((report?.findings as Finding[] | undefined) ?? []),
        applications: { received: Number(apps?.received ?? 0), open: Number(apps?.open ?? 0) },
      };
    });
    const totals: Record<SupervisionStatus, number> = { notStarted: 0, draft: 0, published: 0, late: 0 };
    for (const row of rows) totals[row.status] += 1;
    return { year, deadline: publicationDeadline(year), today, totals, organs: rows };
  }
}
