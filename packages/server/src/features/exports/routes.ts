import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, AppEnv } from '../../http/env.js';
import { ERROR_RESPONSES, OrganParam } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import { ApplicationFilters, listFilters } from '../applications/filters.js';
import { DocumentQuery, ReviewQuery } from '../registers/schemas.js';
import { SupervisionOrganQuery, YearParam } from '../supervision/schemas.js';
import type { ExportedFile } from './service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSX_RESPONSE = { 200: { description: 'XLSX 文件（中文表头，日期为 Excel 日期）' }, ...ERROR_RESPONSES };
const NoPaging = { page: true, pageSize: true } as const;

function xlsx(c: Context<AppEnv>, file: ExportedFile) {
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': XLSX,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  });
}

/** 导出 Excel: each list with its current filters, every page of it. */
export function exportRoutes(app: App): void {
  organListExportRoutes(app);
  overviewExportRoutes(app);
}

/** One organ's lists: its 申请台账 and its two registers. */
function organListExportRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/applications/export',
      tags: ['依申请公开'],
      summary: '导出申请台账（XLSX，按列表的筛选条件）',
      request: { params: OrganParam, query: ApplicationFilters },
      responses: XLSX_RESPONSE,
    }),
    async (c) => {
      const { organId } = c.req.valid('param');
      const filters = listFilters(c.req.valid('query'));
      return xlsx(c, await c.var.services.exports.applicationsXlsx(requireActor(c.var.actor), organId, filters));
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/documents/export',
      tags: ['登记簿'],
      summary: '导出规章和行政规范性文件登记（XLSX，按列表的筛选条件）',
      request: { params: OrganParam, query: DocumentQuery.omit(NoPaging) },
      responses: XLSX_RESPONSE,
    }),
    async (c) => {
      const { organId } = c.req.valid('param');
      const { year, q, status } = c.req.valid('query');
      const query = { ...(year ? { year } : {}), ...(q ? { search: q } : {}), ...(status ? { status } : {}) };
      return xlsx(c, await c.var.services.exports.documentsXlsx(requireActor(c.var.actor), organId, query));
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/reviews/export',
      tags: ['登记簿'],
      summary: '导出行政复议和行政诉讼登记（XLSX，按列表的筛选条件）',
      request: { params: OrganParam, query: ReviewQuery.omit(NoPaging) },
      responses: XLSX_RESPONSE,
    }),
    async (c) => {
      const { organId } = c.req.valid('param');
      const { kind, q } = c.req.valid('query');
      const query = { ...(kind ? { kind } : {}), ...(q ? { search: q } : {}) };
      return xlsx(c, await c.var.services.exports.reviewsXlsx(requireActor(c.var.actor), organId, query));
    },
  );
}

/** The lists above any one organ: the supervision overview and the audit log. */
function overviewExportRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/supervision/{year}/organs/export',
      tags: ['监督'],
      summary: '导出各机关年度报告情况（XLSX，按列表的筛选条件）',
      request: { params: YearParam, query: SupervisionOrganQuery.omit(NoPaging) },
      responses: XLSX_RESPONSE,
    }),
    async (c) => {
      const { status, q } = c.req.valid('query');
      const query = { ...(status ? { status } : {}), ...(q ? { q } : {}) };
      const file = await c.var.services.exports.supervisionXlsx(
        requireActor(c.var.actor),
        c.req.valid('param').year,
        query,
      );
      return xlsx(c, file);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/export',
      tags: ['审计'],
      summary: '导出审计日志（XLSX，新的在前）',
      request: { query: z.object({ entity: z.string().optional(), entityId: z.string().optional() }) },
      responses: XLSX_RESPONSE,
    }),
    async (c) => {
      const { entity, entityId } = c.req.valid('query');
      const query = { ...(entity ? { entity } : {}), ...(entityId ? { entityId } : {}) };
      return xlsx(c, await c.var.services.exports.auditXlsx(requireActor(c.var.actor), query));
    },
  );
}
