import { SUPERVISION_STATUS_LABELS } from '@xxgk/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { unprocessable } from '../../errors.js';
import type { Actor } from '../access.js';
import type { ApplicationService, ListRequest } from '../applications/service.js';
import { listAudit } from '../audit/repository.js';
import { auditOrganIds } from '../audit/scope.js';
import type { RegisterService } from '../registers/service.js';
import type { OrganQuery, SupervisionService } from '../supervision/service.js';
import { APPLICATION_COLUMNS, AUDIT_COLUMNS, DOCUMENT_COLUMNS, REVIEW_COLUMNS, SUPERVISION_COLUMNS } from './sheets.js';
import { renderXlsx } from './xlsx.js';

/** Rows read a page at a time from the list's own query, so the export is the list, filtered alike. */
const PAGE = 500;
/** More rows than a register ever holds; beyond, the user narrows the filters. */
export const MAX_EXPORT_ROWS = 20_000;

interface Page<T> {
  readonly total: number;
  readonly items: readonly T[];
}

/** Every row of a paged list, reading through its pages; too many is a clear refusal. */
async function allRows<T>(read: (limit: number, offset: number) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const page = await read(PAGE, rows.length);
    if (page.total > MAX_EXPORT_ROWS)
      throw unprocessable(
        'export-too-large',
        `符合条件的记录有 ${page.total} 条，超过导出上限 ${MAX_EXPORT_ROWS} 条，请缩小筛选范围`,
      );
    rows.push(...page.items);
    if (page.items.length < PAGE || rows.length >= page.total) return rows;
  }
}

export interface ExportedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A filter's words for the caption line: what the exported list was filtered by. */
const caption = (title: string, filters: readonly (string | number | undefined | false)[]) =>
  [title, ...filters.filter((f): f is string => typeof f === 'string' && f !== '')].join('　');

/**
 * The lists as XLSX workbooks: each reads the same service method as the list on screen, with
 * the same filters and the same permissions, so the file holds what the user sees (all pages).
 */
export class ExportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly applications: ApplicationService,
    private readonly registers: RegisterService,
    private readonly supervision: SupervisionService,
  ) {}

  async applicationsXlsx(actor: Actor, organId: number, query: Omit<ListRequest, 'limit' | 'offset'>) {
    const rows = await allRows((limit, offset) => this.applications.list(actor, organId, { ...query, limit, offset }));
    const title = '政府信息公开申请办理台账';
    const bytes = await renderXlsx({
      name: '申请台账',
      caption: caption(title, [query.year && `${query.year}年`, query.search && `检索：${query.search}`]),
      columns: APPLICATION_COLUMNS,
      rows,
    });
    return { name: `${title}.xlsx`, bytes };
  }

  async documentsXlsx(
    actor: Actor,
    organId: number,
    query: { year?: number; search?: string; status?: 'inForce' | 'repealed' },
  ) {
    const rows = await allRows((limit, offset) =>
      this.registers.documents(actor, organId, { ...query, limit, offset }),
    );
    const title = '规章和行政规范性文件登记';
    const status = query.status && (query.status === 'inForce' ? '现行有效' : '已废止');
    const bytes = await renderXlsx({
      name: '文件登记',
      caption: caption(title, [query.year && `${query.year}年`, status, query.search && `检索：${query.search}`]),
      columns: DOCUMENT_COLUMNS,
      rows,
    });
    return { name: `${title}.xlsx`, bytes };
  }

  async reviewsXlsx(
    actor: Actor,
    organId: number,
    query: { kind?: 'review' | 'suit' | 'suitAfterReview'; search?: string },
  ) {
    const rows = await allRows((limit, offset) => this.registers.reviews(actor, organId, { ...query, limit, offset }));
    const title = '行政复议和行政诉讼登记';
    const bytes = await renderXlsx({
      name: '复议诉讼登记',
      caption: caption(title, [query.search && `检索：${query.search}`]),
      columns: REVIEW_COLUMNS,
      rows,
    });
    return { name: `${title}.xlsx`, bytes };
  }

  async supervisionXlsx(actor: Actor, year: number, query: Omit<OrganQuery, 'page' | 'pageSize'>) {
    const rows = await allRows((limit, offset) =>
      this.supervision.organs(actor, year, { ...query, pageSize: limit, page: offset / limit + 1 }),
    );
    const title = `${year}年度政府信息公开工作年度报告情况`;
    const bytes = await renderXlsx({
      name: '年度报告情况',
      caption: caption(title, [query.status && SUPERVISION_STATUS_LABELS[query.status], query.q && `检索：${query.q}`]),
      columns: SUPERVISION_COLUMNS,
      rows,
    });
    return { name: `${title}.xlsx`, bytes };
  }

  async auditXlsx(actor: Actor, query: { entity?: string; entityId?: string }) {
    const organIds = await auditOrganIds(this.db, actor);
    const rows = [];
    // The audit log has no total: pages are read while they come back full.
    for (let offset = 0; ; offset += PAGE) {
      const page = await listAudit(this.db, { ...(organIds ? { organIds } : {}), ...query, limit: PAGE, offset });
      rows.push(...page);
      if (rows.length > MAX_EXPORT_ROWS)
        throw unprocessable('export-too-large', `审计日志超过导出上限 ${MAX_EXPORT_ROWS} 条，请按对象筛选后导出`);
      if (page.length < PAGE) break;
    }
    const title = '审计日志';
    const bytes = await renderXlsx({ name: title, caption: title, columns: AUDIT_COLUMNS, rows });
    return { name: `${title}.xlsx`, bytes };
  }
}
