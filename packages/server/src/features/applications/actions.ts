import { z } from '@hono/zod-openapi';
import { ANSWER_OUTCOMES, FEE_METHODS, type CaseAction } from '@xxgk/core';

const on = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const note = z.string().trim().min(1, '请填写说明').max(2000);

/** The request form of every case action; the core's status machine decides whether it is lawful now. */
export const CaseActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('requestCorrection'), on, dueOn: on.optional(), note }),
  z.object({ type: z.literal('receiveCorrection'), on }),
  z.object({ type: z.literal('lapseCorrection'), on }),
  z.object({
    type: z.literal('startConsultation'),
    on,
    note,
    thirdParty: z.string().trim().min(1).max(200).optional(),
  }),
  z.object({ type: z.literal('endConsultation'), on }),
  z.object({
    type: z.literal('sendFeeNotice'),
    on,
    method: z.enum(FEE_METHODS),
    quantity: z.number().int().positive(),
  }),
  z.object({ type: z.literal('recordPayment'), on }),
  z.object({ type: z.literal('lapseFee'), on }),
  z.object({ type: z.literal('requestExtension'), on, days: z.number().int().min(1).max(20), reason: note }),
  z.object({ type: z.literal('approveExtension'), on }),
  z.object({ type: z.literal('rejectExtension'), on }),
  z.object({
    type: z.literal('draftAnswer'),
    on,
    outcome: z.enum(ANSWER_OUTCOMES as [string, ...string[]]),
    // The letter's own words after the template's: what is provided, in what form, attachments.
    body: z.string().trim().max(5000, '答复正文不能超过 5000 字').optional(),
  }),
  z.object({ type: z.literal('approveAnswer'), on, opinion: z.string().trim().max(2000).optional() }),
  z.object({ type: z.literal('returnAnswer'), on, note }),
  z.object({ type: z.literal('withdraw'), on, note }),
]);

export const ActRequestSchema = z
  .object({ version: z.number().int().positive(), action: CaseActionSchema })
  .openapi('CaseActionRequest');

/** The schema's output is the core's action type; the enum of outcomes is the one the core exports. */
export const asCaseAction = (value: z.infer<typeof CaseActionSchema>): CaseAction => value as CaseAction;
