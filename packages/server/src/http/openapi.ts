import { z, type RouteConfig } from '@hono/zod-openapi';
import { formatPath } from '@xxgk/core';
import type { ZodError } from 'zod';
import { badRequest } from '../errors.js';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

/** The errors every route may answer with, so the description lists them once. */
export const ERROR_RESPONSES = {
  400: { description: '请求有误', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: '未登录', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: '无权操作', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: '不存在或无权查看', content: { 'application/json': { schema: ErrorSchema } } },
} as const satisfies RouteConfig['responses'];

export function json<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

/** The largest id a row can have (PostgreSQL's integer): a larger one names nothing, and says so. */
export const MAX_ID = 2_147_483_647;
/** A row's id, in a path or a body. */
export const Id = z.coerce.number().int().positive().max(MAX_ID, '编号超出范围');
/** A real day of the calendar as YYYY-MM-DD: 2026-02-30 and 9999-99-99 are not. */
export const IsoDate = z.iso.date('应为 YYYY-MM-DD 格式的真实日期');

export const IdParam = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });
export const OrganParam = z.object({ organId: Id.openapi({ param: { name: 'organId', in: 'path' } }) });
export const Paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

/** The rows of a page (from 1) of `pageSize`, as the repositories take them. */
export function pageWindow({ page, pageSize }: { page: number; pageSize: number }) {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

/** zod's failures as the one HTTP error, each issue naming its field. */
export function validationError(error: ZodError) {
  const details = error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  const first = details[0];
  return badRequest(first ? `${first.path}：${first.message}` : '请求有误', details);
}
