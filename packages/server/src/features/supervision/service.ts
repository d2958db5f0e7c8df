import type { Kysely } from 'kysely';
import { countBySeverity, publicationDeadline, type Finding, type SupervisionStatus } from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { forbidden } from '../../errors.js';
import type { Actor } from '../access.js';
import type { ReportStatus } from '../reports/service.js';
import {
  applicationCounts,
  countByStatus,
  lateOrgans,
  pageOfOrgans,
  reportFindings,
  type SupervisionScope,
} from './repository.js';

export interface OrganQuery {
  readonly status?: SupervisionStatus;
  /** Text in the organ's name. */
  readonly q?: string;
  readonly page: number;
  readonly pageSize: number;
}

/**
 * The 政务公开办's view of every organ under its government for one year: where each report
 * stands, how many findings the rules raise, who is late, and the year's applications. The
 * summary is complete; the organs themselves come a page at a time, as a province has thousands.
 */
export class SupervisionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly today: Clock,
  ) {}

  /** The totals per status and every late organ, with the deadline they are measured against. */
  async year(actor: Actor, year: number) {
    const today = this.today();
    const scope = this.scopeOf(actor, year, today);
    const [totals, late] = await Promise.all([countByStatus(this.db, scope), lateOrgans(this.db, scope)]);
    return { year, deadline: publicationDeadline(year), today, totals, late };
  }

  /** One page of the organs, late first, each with its findings and the year's applications. */
  async organs(actor: Actor, year: number, query: OrganQuery) {
    const scope = this.scopeOf(actor, year, this.today());
    const page = await pageOfOrgans(this.db, scope, {
      ...(query.status ? { status: query.status } : {}),
      ...(query.q ? { search: query.q } : {}),
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    const ids = page.items.map((row) => row.organId);
    const [findings, applications] = await Promise.all([
      reportFindings(this.db, ids, year),
      applicationCounts(this.db, ids, year),
    ]);
    const findingsBy = new Map(findings.map((r) => [r.organId, r.findings as Finding[]]));
    const applicationsBy = new Map(applications.map((a) => [a.organId, a]));
    const items = page.items.map((row) => ({
      organId: row.organId,
      organName: row.organName,
      parentId: row.parentId,
      status: row.status,
      // The column holds 'draft' or 'published', written only by the report service.
      reportStatus: (row.reportStatus ?? 'notStarted') as ReportStatus,
      publishedOn: row.publishedOn,
      findings: countBySeverity(findingsBy.get(row.organId) ?? []),
      applications: {
        received: applicationsBy.get(row.organId)?.received ?? 0,
        open: applicationsBy.get(row.organId)?.open ?? 0,
      },
    }));
    return { total: page.total, items };
  }

  /** The organs the actor supervises and whether the year's deadline has passed. */
  private scopeOf(actor: Actor, year: number, today: string): SupervisionScope {
    if (actor.role !== 'supervisor' && actor.role !== 'sysAdmin') throw forbidden('只有政务公开办可以查看监督情况');
    return {
      path: actor.role === 'sysAdmin' ? '/' : actor.organPath,
      year,
      overdue: today > publicationDeadline(year),
    };
  }
}
