import { z } from '@hono/zod-openapi';
import { URGE_REASONS } from '@xxgk/core';
import { Id } from '../../http/openapi.js';

export const UrgeSchema = z
  .object({
    id: z.number(),
    organId: z.number(),
    organName: z.string(),
    reason: z
      .enum(URGE_REASONS)
      .openapi({ description: 'lateReport 年度报告逾期未发布，overdueCases 有超期未办结的申请' }),
    year: z.number().nullable(),
    reasonText: z.string(),
    message: z.string(),
    sentBy: z.string().openapi({ description: '催办机关（人员）' }),
    sentAt: z.string(),
    answer: z.string().nullable(),
    answeredByName: z.string().nullable(),
    answeredAt: z.string().nullable(),
  })
  .openapi('Urge');

export const UrgePageSchema = z.object({ total: z.number(), items: z.array(UrgeSchema) }).openapi('UrgePage');

export const UrgeInputSchema = z
  .object({
    organId: Id,
    reason: z.enum(URGE_REASONS),
    year: z.number().int().min(2019).max(2100).optional().openapi({ description: '逾期的年度报告的年度' }),
    message: z.string().trim().min(1, '请填写催办内容').max(2000),
  })
  .openapi('UrgeInput');

export const UrgeAnswerSchema = z
  .object({ answer: z.string().trim().min(1, '请填写答复内容').max(2000) })
  .openapi('UrgeAnswer');
