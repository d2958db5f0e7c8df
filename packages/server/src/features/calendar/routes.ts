import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../http/app.js';
import { ERROR_RESPONSES, json } from '../../http/openapi.js';
import { notFound } from '../../http/errors.js';
import { requireActor } from '../../http/session.js';

const Day = z.object({ date: z.string(), name: z.string() });
const CalendarYear = z
  .object({ year: z.number(), holidays: z.array(Day), workdays: z.array(Day) })
  .openapi('CalendarYear');
const YearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export function calendarRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/calendar',
      tags: ['工作日历'],
      summary: '已有节假日安排的年度',
      responses: {
        200: json('年度', z.array(z.object({ year: z.number(), source: z.enum(['shipped', 'administrator']) }))),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      requireActor(c.var.actor);
      return c.json(await c.var.services.calendar.years(), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/calendar/{year}',
      tags: ['工作日历'],
      summary: '一年的放假和调休上班日',
      request: { params: YearParam },
      responses: { 200: json('节假日安排', CalendarYear), ...ERROR_RESPONSES },
    }),
    async (c) => {
      requireActor(c.var.actor);
      const year = await c.var.services.calendar.year(c.req.valid('param').year);
      if (!year) throw notFound('该年度的节假日安排');
      return c.json(year as z.infer<typeof CalendarYear>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/calendar/{year}',
      tags: ['工作日历'],
      summary: '新增或更正一年的节假日安排（系统管理员）',
      request: {
        params: YearParam,
        body: { content: { 'application/json': { schema: CalendarYear } }, required: true },
      },
      responses: { 200: json('已保存', CalendarYear), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { year } = c.req.valid('param');
      const saved = await c.var.services.calendar.putYear(requireActor(c.var.actor), { ...body, year });
      // Due dates that counted into the year (or were waiting for it) follow the new calendar.
      await c.var.services.applications.recomputeDueDates();
      return c.json(saved as z.infer<typeof CalendarYear>, 200);
    },
  );
}
