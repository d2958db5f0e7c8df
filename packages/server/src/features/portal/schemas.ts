import { z } from '@hono/zod-openapi';
import { APPLICANT_FIELDS } from '@xxgk/core';
import { applicantShape, contactGiven } from '../applications/applicant.js';

/** What the public portal asks for: 第二十九条's contents of an application, plus the captcha. */
export const PortalApplySchema = z
  .object({
    organId: z.number().int().positive(),
    captchaToken: z.string().min(1, '请获取验证码').max(200),
    captchaAnswer: z.string().trim().min(1, '请填写验证码').max(10),
    ...applicantShape,
  })
  // 第二十九条: 申请人的姓名或者名称、身份证明、联系方式.
  .refine(
    (v) =>
      v.applicantKind !== 'natural' ||
      (v.applicantIdNumber ?? '').length >= (APPLICANT_FIELDS.applicantIdNumber.min as number),
    { message: APPLICANT_FIELDS.applicantIdNumber.required, path: ['applicantIdNumber'] },
  )
  .refine(...contactGiven)
  .openapi('PortalApplication');
export type PortalApplyInput = z.infer<typeof PortalApplySchema>;

export const PortalOrgan = z.object({ id: z.number(), name: z.string(), region: z.string().nullable() });

export const PortalReceipt = z
  .object({
    serialNo: z.string(),
    queryCode: z.string(),
    organName: z.string(),
    receivedOn: z.string(),
    dueOn: z.string().nullable(),
    dueProvisional: z.boolean().openapi({ description: '答复期限为暂定：该年度放假安排尚未公布，公布后可能调整' }),
  })
  .openapi('PortalReceipt');

export const PortalStep = z.object({
  type: z.string(),
  on: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  /** 答复期限 after this step, when one runs. */
  dueOn: z.string().nullable(),
  /** That date was counted through a year without a holiday notice (暂定). */
  dueProvisional: z.boolean(),
});

export const PortalStatus = z
  .object({
    serialNo: z.string(),
    organName: z.string(),
    applicantName: z.string(),
    applicantKind: z.string(),
    request: z.string(),
    submittedOn: z.string(),
    receivedOn: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    dueOn: z.string().nullable(),
    dueProvisional: z.boolean().openapi({ description: '答复期限为暂定：该年度放假安排尚未公布，公布后可能调整' }),
    paused: z.boolean(),
    correction: z.object({ dueOn: z.string(), items: z.string() }).nullable(),
    fee: z.object({ amount: z.number(), dueOn: z.string(), paid: z.boolean() }).nullable(),
    outcome: z.string().nullable(),
    outcomeLabel: z.string().nullable(),
    closedOn: z.string().nullable(),
    answerAvailable: z.boolean(),
    steps: z.array(PortalStep),
  })
  .openapi('PortalStatus');
export type PortalStatusView = z.infer<typeof PortalStatus>;
export type PortalStepView = z.infer<typeof PortalStep>;
