import { z } from '@hono/zod-openapi';
import {
  ACTION_LABELS,
  APPLICANT_KINDS,
  CASE_STATUSES,
  CHANNELS,
  DELIVERY_FORMS,
  DELIVERY_WAYS,
  FEE_METHODS,
  OUTCOMES,
  type CaseActionType,
} from '@xxgk/core';
import { MAX_ID } from '../../http/openapi.js';
import type { CaseQueue } from './repository.js';

/*
 * What the application routes answer with, as the services build it (views.ts, service.ts): the
 * OpenAPI description and the web's generated types are read from these.
 */

const day = z.iso.date();

/**
 * `schema` or null. A registered schema's own `.nullable()` loses the null in the OpenAPI 3.1
 * output (zod-to-openapi emits allOf [$ref, …]; asteasolutions/zod-to-openapi#387), a union does not.
 */
const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

/** Every case action, in the core's order (ACTION_LABELS lists each one once). */
const CASE_ACTION_TYPES = Object.keys(ACTION_LABELS) as [CaseActionType, ...CaseActionType[]];

export const ApplicationSummarySchema = z
  .object({
    id: z.number(),
    organId: z.number(),
    serialNo: z.string(),
    channel: z.enum(CHANNELS),
    applicantKind: z.enum(APPLICANT_KINDS),
    applicantName: z.string().openapi({ description: '机关以外的角色看到的是隐去后的姓名（张*）' }),
    request: z.string(),
    receivedOn: day,
    status: z.enum(CASE_STATUSES),
    dueOn: day.nullable(),
    outcome: z.enum(OUTCOMES).nullable(),
    closedOn: day.nullable(),
    version: z.number(),
    assignee: z
      .object({ id: z.number(), name: z.string() })
      .nullable()
      .openapi({ description: '承办人（分派给的经办人）；尚未分派时为 null' }),
    dueMoved: z
      .object({
        from: day.nullable().openapi({ description: '调整前的答复期限' }),
        at: z.string().openapi({ format: 'date-time' }),
        reason: z.string().openapi({ description: '调整原因，如“2027年放假安排已录入”' }),
      })
      .nullable()
      .openapi({ description: '节假日安排变动使答复期限调整过（在办案件）；否则为 null' }),
  })
  .openapi('ApplicationSummary');

export const ApplicationListItemSchema = ApplicationSummarySchema.extend({
  workingDaysLeft: z
    .number()
    .nullable()
    .openapi({ description: '距答复期限的工作日数；逾期为负，已办结或无期限时为 null' }),
  overdue: z.boolean(),
  dueProvisional: z
    .boolean()
    .openapi({ description: '答复期限按暂定日历（该年度放假安排尚未公布）计算，正式安排公布后可能调整' }),
}).openapi('ApplicationListItem');

export const ApplicationPageSchema = z
  .object({ total: z.number(), items: z.array(ApplicationListItemSchema) })
  .openapi('ApplicationPage');

const PauseSchema = z.object({
  kind: z.enum(['consultation', 'fee']),
  from: day,
  to: day.optional(),
});

/** The core's CaseState (packages/core/src/cases/state.ts), as stored with each application. */
export const CaseStateSchema = z
  .object({
    status: z.enum(CASE_STATUSES),
    channel: z.enum(CHANNELS),
    applicantKind: z.enum(APPLICANT_KINDS),
    receivedOn: day,
    periodStartsOn: day,
    correction: z.object({ noticeOn: day, dueOn: day, correctedOn: day.optional() }).optional(),
    pauses: z.array(PauseSchema).readonly(),
    extension: z
      .object({
        days: z.number(),
        reason: z.string(),
        requestedOn: day,
        approvedOn: day.optional(),
        rejectedOn: day.optional(),
      })
      .optional(),
    fee: z
      .object({
        method: z.enum(FEE_METHODS),
        quantity: z.number(),
        amount: z.number(),
        noticeOn: day,
        dueOn: day,
        paidOn: day.optional(),
      })
      .optional(),
    answer: z.object({ outcome: z.enum(OUTCOMES), draftedOn: day, approvedOn: day.optional() }).optional(),
    outcome: z.enum(OUTCOMES).optional(),
    closedOn: day.optional(),
  })
  .openapi('CaseState');

/** The core's CaseDeadline (packages/core/src/cases/deadline.ts). */
export const CaseDeadlineSchema = z
  .object({
    dueOn: day.nullable(),
    baseDays: z.number(),
    extensionDays: z.number(),
    pausedWorkingDays: z.number(),
    paused: z.boolean(),
    workingDaysLeft: z.number().nullable(),
    overdue: z.boolean(),
    answeredLate: z.boolean(),
    correctionDueOn: day.optional(),
    feeDueOn: day.optional(),
    consultationDueOn: day.optional(),
    provisional: z
      .boolean()
      .openapi({ description: '期限按暂定日历（该年度放假安排尚未公布）计算，正式安排公布后可能调整' }),
  })
  .openapi('CaseDeadline');

export const CaseEventSchema = z
  .object({
    id: z.number(),
    type: z.enum(['intake', ...CASE_ACTION_TYPES]),
    on: day,
    data: z.record(z.string(), z.unknown()).nullable().openapi({ description: '操作的其余字段（说明、期限、结果……）' }),
    at: z.string().openapi({ format: 'date-time' }),
    actorName: z.string().nullable().openapi({ description: '网上申请的登记没有操作人' }),
  })
  .openapi('CaseEvent');

export const AttachmentSchema = z
  .object({
    id: z.number(),
    fileName: z.string(),
    mediaType: z.string(),
    size: z.number(),
    uploadedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Attachment');

export const UploadedAttachmentSchema = AttachmentSchema.extend({ sha256: z.string() }).openapi('UploadedAttachment');

export const ApplicationDetailSchema = ApplicationSummarySchema.extend({
  queryCode: z.string().nullable(),
  applicant: z
    .object({
      idNumber: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      address: z.string().nullable(),
    })
    .nullable()
    .openapi({ description: '申请人的个人信息；只有本机关经办人、审核人、机关管理员看得到' }),
  deliveryForm: z.enum(DELIVERY_FORMS),
  deliveryWay: z.enum(DELIVERY_WAYS),
  submittedOn: day,
  createdAt: z.string().openapi({ format: 'date-time' }),
  answerBody: z
    .string()
    .nullable()
    .openapi({ description: '拟写答复时经办人写的答复正文（模板段落之后），以换行分段' }),
  answerOpinion: z.string().nullable().openapi({ description: '审核人对答复的审批意见（批准或退回时填写）' }),
  deadline: orNull(CaseDeadlineSchema).openapi({
    description:
      '期限所及的日期超出日历范围（2000—2100年）时为 null（见 calendarWarning）；尚无放假安排的年度按暂定日历计算（provisional）',
  }),
  calendarWarning: z.string().nullable(),
  state: CaseStateSchema,
  allowedActions: z.array(z.enum(CASE_ACTION_TYPES)).openapi({ description: '当前用户现在可以进行的操作' }),
  events: z.array(CaseEventSchema),
  attachments: z.array(AttachmentSchema),
}).openapi('ApplicationDetail');

const count = (description: string) => z.number().openapi({ description });

/** Each count is the total of the list filtered by the queue of the same name (repository.ts). */
export const DashboardSchema = z
  .object({
    today: day,
    soon: z.number().openapi({ description: '“即将到期”的工作日数' }),
    open: count('在办'),
    dueSoon: count('未逾期、soon 个工作日内到期'),
    overdue: count('在办且已过答复期限'),
    awaitingReview: count('答复待审核或延期待批准'),
    paused: count('暂停计时（补正中、征求意见中、待缴费）'),
    noDueDate: count(
      '计时中却没有答复期限：仅在期限超出日历范围（2000—2100年）时出现，尚无放假安排的年度按暂定日历计算',
    ),
    thisYear: z.object({ received: z.number(), closed: z.number() }),
  } satisfies Record<CaseQueue, z.ZodNumber> & Record<string, z.ZodType>)
  .openapi('Dashboard');

/** The core's LetterParagraph: one paragraph of a letter, as the DOCX prints it (for the print page). */
export const LetterParagraphSchema = z
  .object({
    kind: z.enum(['title', 'serialNo', 'addressee', 'body', 'table', 'signature', 'date']),
    text: z.string().optional(),
    header: z.array(z.string()).optional(),
    rows: z.array(z.array(z.string())).optional(),
    rightIndent: z.number().optional().openapi({ description: '署名、日期距右边距的字数' }),
  })
  .openapi('LetterParagraph');

/** POST /api/applications/assign: one case or a batch, to one officer. */
export const AssignRequestSchema = z
  .object({
    ids: z
      .array(z.number().int().positive().max(MAX_ID, '编号超出范围'))
      .min(1, '请选择要分派的申请')
      .max(200, '一次至多分派200件'),
    assigneeId: z
      .number()
      .int()
      .positive()
      .max(MAX_ID, '编号超出范围')
      .openapi({ description: '承办人：本机关在岗的经办人' }),
  })
  .openapi('AssignRequest');

export const AssigneeSchema = z.object({ id: z.number(), name: z.string() }).openapi('Assignee');

export const AssignResultSchema = z
  .object({
    assignee: AssigneeSchema,
    assigned: z.number().openapi({ description: '已分派的件数' }),
    refused: z.number().openapi({ description: '未能分派的件数' }),
    results: z.array(
      z.object({
        id: z.number(),
        serialNo: z.string().nullable().openapi({ description: '不存在或不属于本机关的申请为 null' }),
        result: z.enum(['assigned', 'refused']),
        reason: z.string().nullable().openapi({ description: '未能分派的原因' }),
      }),
    ),
  })
  .openapi('AssignResult');
