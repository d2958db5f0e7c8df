import { z } from '@hono/zod-openapi';
import { APPLICANT_KINDS, DELIVERY_FORMS, DELIVERY_WAYS } from '@xxgk/core';

/** What the public portal asks for: 第二十九条's contents of an application, plus the captcha. */
export const PortalApplySchema = z
  .object({
    organId: z.number().int().positive(),
    captchaToken: z.string().min(1, '请获取验证码').max(200),
    captchaAnswer: z.string().trim().min(1, '请填写验证码').max(10),
    applicantKind: z.enum(APPLICANT_KINDS),
    applicantName: z.string().trim().min(1, '请填写申请人姓名或者名称').max(200),
    applicantIdNumber: z.string().trim().max(64).optional(),
    applicantPhone: z.string().trim().max(64).optional(),
    applicantEmail: z.email('电子邮箱格式不正确').optional(),
    applicantAddress: z.string().trim().max(300).optional(),
    request: z
      .string()
      .trim()
      .min(4, '请描述申请公开的政府信息（名称、文号或者便于行政机关查询的其他特征性描述）')
      .max(5000),
    deliveryForm: z.enum(DELIVERY_FORMS),
    deliveryWay: z.enum(DELIVERY_WAYS),
  })
  // 第二十九条: 申请人的姓名或者名称、身份证明、联系方式.
  .refine((v) => v.applicantKind !== 'natural' || (v.applicantIdNumber ?? '').length >= 6, {
    message: '公民申请须提供身份证明（身份证件号码）',
    path: ['applicantIdNumber'],
  })
  .refine((v) => v.applicantPhone || v.applicantEmail || v.applicantAddress, {
    message: '请至少填写一种联系方式（电话、电子邮箱或通信地址）',
    path: ['applicantPhone'],
  })
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
