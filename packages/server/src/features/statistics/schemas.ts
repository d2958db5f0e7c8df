import { z } from '@hono/zod-openapi';
import { APPLICANT_KINDS, OUTCOMES } from '@xxgk/core';

/* What GET /api/supervision/{year}/statistics answers with, as StatisticsService builds it. */

export const YearFiguresSchema = z
  .object({
    year: z.number(),
    received: z.number().openapi({ description: '本年收到的申请' }),
    concluded: z.number().openapi({ description: '本年办结的申请' }),
    outcomes: z
      .record(z.string(), z.number())
      .openapi({ description: '按办理结果（OUTCOMES）计的办结件数，没有的不列' }),
    applicantKinds: z
      .record(z.string(), z.number())
      .openapi({ description: '按申请人类型（APPLICANT_KINDS）计的收到件数，没有的不列' }),
  })
  .openapi('YearStatistics');

const label = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.array(z.object({ key: z.enum(keys), label: z.string() }));

export const StatisticsSchema = z
  .object({
    year: z.number(),
    years: z.array(z.number()).openapi({ description: '所统计的年度，早的在前' }),
    outcomeLabels: label(OUTCOMES),
    applicantKindLabels: label(APPLICANT_KINDS),
    total: z.array(YearFiguresSchema).openapi({ description: '各机关合计，每年一项' }),
    organs: z.array(
      z.object({ organId: z.number(), organName: z.string(), years: z.array(YearFiguresSchema).readonly() }),
    ),
  })
  .openapi('Statistics');
