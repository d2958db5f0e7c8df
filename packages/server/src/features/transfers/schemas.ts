import { z } from '@hono/zod-openapi';
import { Id, IsoDate } from '../../http/openapi.js';

export const TransferInputSchema = z
  .object({
    version: z.number().int().positive(),
    on: IsoDate,
    toOrganId: Id.optional().openapi({ description: '平台内的接收机关；不在平台上的机关只填 organName' }),
    organName: z.string().trim().min(1).max(200).optional().openapi({ description: '负责公开该信息的机关名称' }),
    note: z.string().trim().min(1, '请填写转办理由').max(2000),
  })
  .openapi('TransferInput');

export const TransferResultSchema = z
  .object({ id: z.number(), toApplicationId: z.number().nullable(), toSerialNo: z.string().nullable() })
  .openapi('TransferResult');

export const TransferSchema = z
  .object({
    transfer: z
      .object({
        on: IsoDate,
        note: z.string(),
        fromApplicationId: z.number(),
        fromOrganId: z.number(),
        fromOrganName: z.string(),
        fromSerialNo: z.string(),
        toApplicationId: z.number().nullable(),
        toOrganId: z.number().nullable(),
        toOrganName: z.string(),
        toSerialNo: z.string().nullable(),
        toReceivedOn: IsoDate.nullable(),
        toDueOn: IsoDate.nullable(),
        byName: z.string().nullable(),
      })
      .nullable(),
  })
  .openapi('CaseTransfer');

export const TransferTargetsSchema = z
  .object({ organs: z.array(z.object({ id: z.number(), name: z.string() })) })
  .openapi('TransferTargets');
