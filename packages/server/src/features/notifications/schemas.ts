import { z } from '@hono/zod-openapi';
import { REMINDER_KINDS } from '@xxgk/core';
import { Id, Paging } from '../../http/openapi.js';

export const NotificationSchema = z
  .object({
    id: z.number(),
    kind: z.enum(REMINDER_KINDS).openapi({
      description:
        'dueIn3 3个工作日内到期，dueIn1 1个工作日内到期，overdue 已超期，returned 退回修改，awaitingApproval 待我审核，transferredIn 转办来件，assigned 分派给我的申请，urged 收到催办',
    }),
    title: z.string(),
    applicationId: z.number().nullable(),
    urgeId: z.number().nullable(),
    dueOn: z.iso.date().nullable(),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .openapi('Notification');

export const NotificationPageSchema = z
  .object({ total: z.number(), unread: z.number(), items: z.array(NotificationSchema) })
  .openapi('NotificationPage');

export const NotificationQuery = z.object({
  unread: z.enum(['true', 'false']).optional().openapi({ description: 'true：只列未读' }),
  ...Paging,
});

export const UnreadSchema = z.object({ unread: z.number() }).openapi('NotificationUnread');

export const MarkReadSchema = z
  .object({
    ids: z.union([z.array(Id).max(200), z.literal('all')]).openapi({ description: '要标为已读的提醒，或 "all" 全部' }),
  })
  .openapi('NotificationMarkRead');

export const MarkReadResultSchema = z
  .object({ changed: z.number(), unread: z.number() })
  .openapi('NotificationMarkReadResult');

export const NotificationSettingsSchema = z
  .object({
    email: z.string().nullable(),
    mailEnabled: z.boolean().openapi({ description: '服务器已配置邮件（XXGK_SMTP_URL）' }),
  })
  .openapi('NotificationSettings');

export const NotificationSettingsInput = z
  .object({ email: z.email('邮箱地址格式不正确').max(200).nullable() })
  .openapi('NotificationSettingsInput');
