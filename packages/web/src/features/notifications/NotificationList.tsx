import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REMINDER_LABELS, type ReminderKind } from '@xxgk/core';
import { App, Button, Segmented, Space, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PagedTable } from '../../components/PagedTable.js';
import { EmptyState } from '../../components/PageState.js';
import { dateTime } from '../workbench/format.js';
import { markRead, NOTIFICATIONS_KEY, useNotifications, type Notification } from './api.js';

const PAGE_SIZE = 20;

const KIND_COLORS: Readonly<Record<ReminderKind, string>> = {
  dueIn3: 'gold',
  dueIn1: 'orange',
  overdue: 'red',
  returned: 'magenta',
  awaitingApproval: 'blue',
  transferredIn: 'cyan',
  assigned: 'green',
  urged: 'volcano',
};

/** Where a reminder leads: its case, or the list of 催办 received. */
function target(item: Notification): string | null {
  if (item.applicationId !== null) return `/workbench/${item.applicationId}`;
  if (item.urgeId !== null) return '/notifications?tab=urges';
  return null;
}

/** The list's columns; opening an unread reminder or its button marks it read. */
function columns(onRead: (ids: number[]) => void): TableProps<Notification>['columns'] {
  return [
    {
      title: '类别',
      dataIndex: 'kind',
      width: 140,
      render: (kind: ReminderKind) => <Tag color={KIND_COLORS[kind]}>{REMINDER_LABELS[kind]}</Tag>,
    },
    {
      title: '提醒',
      dataIndex: 'title',
      render: (title: string, item) => {
        const to = target(item);
        const text = item.read ? title : <Typography.Text strong>{title}</Typography.Text>;
        return to ? (
          <Link to={to} onClick={() => !item.read && onRead([item.id])}>
            {text}
          </Link>
        ) : (
          text
        );
      },
    },
    { title: '时间', dataIndex: 'createdAt', width: 170, render: (at: string) => dateTime(at) },
    {
      title: '状态',
      key: 'read',
      width: 110,
      render: (_: unknown, item) =>
        item.read ? (
          <Typography.Text type="secondary">已读</Typography.Text>
        ) : (
          <Button size="small" onClick={() => onRead([item.id])} aria-label={`标为已读：${item.title}`}>
            标为已读
          </Button>
        ),
    },
  ];
}

/** The person's reminders, newest first; opening one marks it read. */
export function NotificationList() {
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const result = useNotifications(page, PAGE_SIZE, unreadOnly);
  const client = useQueryClient();
  const { message } = App.useApp();
  const mark = useMutation({
    mutationFn: markRead,
    onSuccess: async (done) => {
      await client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
      if (done.changed > 1) message.success(`已将${done.changed}条提醒标为已读`);
    },
    onError: (error) => message.error(error.message),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Segmented<'all' | 'unread'>
          aria-label="筛选提醒"
          value={unreadOnly ? 'unread' : 'all'}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: `未读（${result.data?.unread ?? 0}）` },
          ]}
          onChange={(value) => {
            setUnreadOnly(value === 'unread');
            setPage(1);
          }}
        />
        <Button disabled={!result.data?.unread} loading={mark.isPending} onClick={() => mark.mutate('all')}>
          全部标为已读
        </Button>
      </Space>
      <PagedTable<Notification>
        size="small"
        rowKey="id"
        unit="条"
        result={result}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        rowClassName={(item) => (item.read ? '' : 'notification-unread')}
        empty={<EmptyState description={unreadOnly ? '没有未读提醒' : '暂无提醒'} />}
        columns={columns((ids) => mark.mutate(ids))}
      />
    </Space>
  );
}
