import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../http/env.js';
import { ERROR_RESPONSES, json } from '../../http/openapi.js';
import { notFound } from '../../errors.js';
import { requireActor } from '../../http/session.js';

const Day = z.object({ date: z.string(), name: z.string() });
const CalendarYear = z
  .object({ year: z.number(), holidays: z.array(Day), workdays: z.array(Day) })
  .openapi('CalendarYear');
const Source = z.enum(['shipped', 'administrator', 'provisional']).openapi({
  description:
    'shipped：随系统发布的国务院办公厅通知；administrator：系统管理员录入；provisional：尚无通知，按放假办法暂定',
});
const CalendarYearView = CalendarYear.extend({ source: Source }).openapi('CalendarYearView');
const YearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const DueMove = z
  .object({
    id: z.number(),
    serialNo: z.string(),
    organId: z.number(),
    organName: z.string(),
    from: z.string().nullable().openapi({ description: '现在的答复期限' }),
    to: z.string().nullable().openapi({ description: '按新安排计算的答复期限' }),
    provisional: z.boolean().openapi({ description: '新期限仍按暂定日历（另一年度尚无通知）' }),
  })
  .openapi('DueMove');
const Preview = z.object({ year: CalendarYear, moves: z.array(DueMove) }).openapi('CalendarPreview');
const Saved = CalendarYear.extend({ moves: z.array(DueMove) }).openapi('CalendarSaved');

export function calendarRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/calendar',
      tags: ['工作日历'],
      summary: '有节假日安排的年度，及上年至下年中按暂定日历计算的年度',
      responses: { 200: json('年度', z.array(z.object({ year: z.number(), source: Source }))), ...ERROR_RESPONSES },
    }),
    async (c) => {
      requireActor(c.var.actor);
      return c.json(await c.var.services.calendar.years(c.var.services.today()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/calendar/{year}',
      tags: ['工作日历'],
      summary: '一年的放假和调休上班日（尚无通知的年度为暂定的法定节假日）',
      request: { params: YearParam },
      responses: { 200: json('节假日安排', CalendarYearView), ...ERROR_RESPONSES },
    }),
    async (c) => {
      requireActor(c.var.actor);
      const year = await c.var.services.calendar.year(c.req.valid('param').year);
      if (!year) throw notFound('该年度的节假日安排');
      return c.json(year as z.infer<typeof CalendarYearView>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/calendar/{year}/preview',
      tags: ['工作日历'],
      summary: '预览：按这一年的安排，哪些在办案件的答复期限会变（不保存；系统管理员）',
      request: {
        params: YearParam,
        body: { content: { 'application/json': { schema: CalendarYear } }, required: true },
      },
      responses: { 200: json('会变动的期限', Preview), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { year } = c.req.valid('param');
      const services = c.var.services;
      const candidate = await services.calendar.withYear(requireActor(c.var.actor), { ...body, year });
      const moves = await services.applications.previewDueDates(candidate.calendar);
      return c.json({ year: candidate.year as z.infer<typeof CalendarYear>, moves }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/calendar/{year}',
      tags: ['工作日历'],
      summary: '新增或更正一年的节假日安排，并重算在办案件的答复期限（系统管理员）',
      request: {
        params: YearParam,
        body: { content: { 'application/json': { schema: CalendarYear } }, required: true },
      },
      responses: { 200: json('已保存，及调整了期限的案件', Saved), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { year } = c.req.valid('param');
      const saved = await c.var.services.calendar.putYear(requireActor(c.var.actor), { ...body, year });
      // Due dates that counted into the year (provisionally, or on the old data) follow the new calendar.
      const reason = `${year}年节假日安排已${saved.replaced ? '更正' : '录入'}`;
      const moves = await c.var.services.applications.recomputeDueDates(reason);
      return c.json({ ...(saved.year as z.infer<typeof CalendarYear>), moves }, 200);
    },
  );
}
