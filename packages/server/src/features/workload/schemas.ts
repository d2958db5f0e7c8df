import { z } from '@hono/zod-openapi';

const Measure = {
  inHand: z.number().openapi({ description: '在办件数' }),
  answered: z.number().openapi({ description: '本年办结件数' }),
  medianWorkingDays: z.number().nullable().openapi({ description: '办结用时中位数（工作日）' }),
  p90WorkingDays: z.number().nullable().openapi({ description: '办结用时第90百分位数（工作日）' }),
  answeredLate: z.number().openapi({ description: '超期办结件数' }),
  lateShare: z.number().nullable().openapi({ description: '超期办结占比（0–1）' }),
};

export const WorkloadQuery = z.object({ year: z.coerce.number().int().min(2019).max(2100).optional() });

export const OrganWorkloadSchema = z
  .object({
    year: z.number(),
    from: z.iso.date(),
    to: z.iso.date(),
    organ: z.object(Measure),
    officers: z.array(z.object({ userId: z.number().nullable(), name: z.string(), ...Measure })),
  })
  .openapi('OrganWorkload');

export const SupervisionWorkloadSchema = z
  .object({
    year: z.number(),
    from: z.iso.date(),
    to: z.iso.date(),
    overall: z.object(Measure),
    organs: z.array(z.object({ organId: z.number(), organName: z.string(), ...Measure })),
  })
  .openapi('SupervisionWorkload');
