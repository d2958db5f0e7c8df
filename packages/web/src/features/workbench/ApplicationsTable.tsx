import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  APPLICANT_KIND_LABELS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type ApplicantKind,
  type CaseStatus,
} from '@xxgk/core';
import { Input, Segmented, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import { EmptyState, ErrorState } from '../../components/PageState.js';
import { DaysLeft } from './DaysLeft.js';
import { chineseDate } from './format.js';
import { StatusTag } from './StatusTag.js';
import type { ApplicationListItem } from './types.js';

type Scope = 'open' | 'closed' | 'all';
const PAGE_SIZE = 10;

/** The organ's applications, paged on the server, due and overdue first. */
export function ApplicationsTable({ organId }: { organId: number }) {
  const navigate = useNavigate();
  const [scope, setScope] = useState<Scope>('open');
  const [status, setStatus] = useState<CaseStatus | undefined>();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const query = {
    page,
    pageSize: PAGE_SIZE,
    ...(status
      ? { status }
      : scope === 'all'
        ? {}
        : { open: scope === 'open' ? ('true' as const) : ('false' as const) }),
    ...(search ? { q: search } : {}),
  };
  const list = useQuery({
    queryKey: ['workbench', 'applications', organId, query],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const body = await unwrap(
        api.GET('/api/organs/{organId}/applications', { params: { path: { organId }, query } }),
      );
      return body as { total: number; items: ApplicationListItem[] };
    },
  });
  const statuses = CASE_STATUSES.filter((s) =>
    scope === 'open' ? s !== 'closed' : scope === 'closed' ? s === 'closed' : true,
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<Scope>
          aria-label="办理状态范围"
          value={scope}
          onChange={(value) => {
            setScope(value);
            setStatus(undefined);
            setPage(1);
          }}
          options={[
            { value: 'open', label: '在办' },
            { value: 'closed', label: '已办结' },
            { value: 'all', label: '全部' },
          ]}
        />
        <Select<CaseStatus>
          aria-label="按状态筛选"
          placeholder="全部状态"
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={statuses.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
        />
        <Input.Search
          aria-label="搜索申请"
          placeholder="编号、申请人或申请内容"
          allowClear
          style={{ width: 280 }}
          onSearch={(value) => {
            setSearch(value.trim());
            setPage(1);
          }}
        />
      </Space>
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ApplicationListItem>
          size="middle"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText: list.isLoading ? (
              ' '
            ) : (
              <EmptyState description={search || status ? '没有符合条件的申请' : '暂无申请'} />
            ),
          }}
          onRow={(row) => ({ onClick: () => navigate(`/workbench/${row.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 件`,
            onChange: setPage,
          }}
          columns={[
            {
              title: '编号',
              dataIndex: 'serialNo',
              width: 230,
              render: (serialNo: string, row) => (
                <Link to={`/workbench/${row.id}`} onClick={(event) => event.stopPropagation()}>
                  {serialNo}
                </Link>
              ),
            },
            { title: '申请人', dataIndex: 'applicantName', ellipsis: true, width: 150 },
            {
              title: '申请人类型',
              dataIndex: 'applicantKind',
              width: 130,
              render: (kind: string) => APPLICANT_KIND_LABELS[kind as ApplicantKind] ?? kind,
            },
            { title: '状态', dataIndex: 'status', width: 110, render: (s: CaseStatus) => <StatusTag status={s} /> },
            { title: '收到申请日期', dataIndex: 'receivedOn', width: 140, render: chineseDate },
            {
              title: '答复期限',
              dataIndex: 'dueOn',
              width: 140,
              render: (dueOn: string | null, row) =>
                row.status === 'closed' ? chineseDate(row.closedOn) + '办结' : chineseDate(dueOn),
            },
            {
              title: '剩余工作日',
              dataIndex: 'workingDaysLeft',
              width: 160,
              render: (days: number | null, row) => (
                <DaysLeft days={days} overdue={row.overdue} closed={row.status === 'closed'} />
              ),
            },
            { title: '申请内容', dataIndex: 'request', ellipsis: true },
          ]}
        />
      )}
    </Space>
  );
}
