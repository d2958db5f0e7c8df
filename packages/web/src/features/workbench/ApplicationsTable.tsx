import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  APPLICANT_KIND_LABELS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  PAUSED_STATUSES,
  type ApplicantKind,
  type CaseStatus,
} from '@xxgk/core';
import { Button, Segmented, Space, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LabelSelect } from '../../components/LabelSelect.js';
import { PagedTable, TableSearch } from '../../components/PagedTable.js';
import { EmptyState } from '../../components/PageState.js';
import { usePagedFilters } from '../../components/usePagedFilters.js';
import { useSession } from '../auth/session.js';
import { useAssignees } from './AssignModal.js';
import { DaysLeft } from './DaysLeft.js';
import { ListTools } from './ListTools.js';
import { DueMovedTag, ProvisionalTag } from './Provisional.js';
import { chineseDate } from './format.js';
import { applicationsQuery, FIRST_APPLICATIONS_PAGE, type ApplicationsQuery } from './queries.js';
import { queueLabel } from './queues.js';
import { StatusTag } from './StatusTag.js';
import type { ApplicationListItem, CaseQueue } from './types.js';

type Scope = 'open' | 'closed' | 'all';
const PAGE_SIZE = FIRST_APPLICATIONS_PAGE.pageSize;

interface Props {
  readonly organId: number;
  /** A dashboard card's queue: the list shows what the card counts (narrowed by the other filters). */
  readonly queue?: CaseQueue | undefined;
  readonly onClearQueue?: () => void;
}

/** The list as first shown: open cases, whoever's, unsearched. */
const NO_FILTERS = {
  scope: 'open' as Scope,
  status: undefined as CaseStatus | undefined,
  search: '',
  assignee: undefined as string | undefined,
};
type Filters = typeof NO_FILTERS;

/** The list's columns: the case's number opens it; the due date shows whether it is provisional or moved. */
const COLUMNS: TableProps<ApplicationListItem>['columns'] = [
  {
    title: '编号',
    dataIndex: 'serialNo',
    width: 210,
    render: (serialNo: string, row) => (
      <Link to={`/workbench/${row.id}`} onClick={(event) => event.stopPropagation()}>
        {serialNo}
      </Link>
    ),
  },
  { title: '申请人', dataIndex: 'applicantName', ellipsis: true, width: 120 },
  {
    title: '申请人类型',
    dataIndex: 'applicantKind',
    width: 110,
    render: (kind: ApplicantKind) => APPLICANT_KIND_LABELS[kind],
  },
  { title: '状态', dataIndex: 'status', width: 110, render: (s: CaseStatus) => <StatusTag status={s} /> },
  { title: '收到申请日期', dataIndex: 'receivedOn', width: 130, render: chineseDate },
  {
    title: '答复期限',
    dataIndex: 'dueOn',
    width: 200,
    render: (dueOn: string | null, row) =>
      row.status === 'closed' ? (
        chineseDate(row.closedOn) + '办结'
      ) : (
        <>
          {chineseDate(dueOn)}
          {row.dueProvisional && <ProvisionalTag />}
          {row.dueMoved && <DueMovedTag moved={row.dueMoved} dueOn={dueOn} />}
        </>
      ),
  },
  {
    title: '剩余工作日',
    dataIndex: 'workingDaysLeft',
    width: 140,
    render: (days: number | null, row) => (
      <DaysLeft
        days={days}
        overdue={row.overdue}
        closed={row.status === 'closed'}
        paused={PAUSED_STATUSES.includes(row.status)}
      />
    ),
  },
  {
    title: '承办人',
    dataIndex: 'assignee',
    width: 140,
    ellipsis: true,
    render: (a: ApplicationListItem['assignee']) =>
      a?.name ?? <Typography.Text type="secondary">未分派</Typography.Text>,
  },
  { title: '申请内容', dataIndex: 'request', ellipsis: true },
];

/** The request for a page of the list, from the filters shown and the dashboard's queue. */
function listQuery(page: number, filters: Filters, queue: CaseQueue | undefined): ApplicationsQuery {
  const { scope, status, search, assignee } = filters;
  return {
    page,
    pageSize: PAGE_SIZE,
    // A queue holds open cases only: the scope says nothing more beside it.
    ...(status
      ? { status }
      : scope === 'all' || queue
        ? {}
        : { open: scope === 'open' ? ('true' as const) : ('false' as const) }),
    ...(search ? { q: search } : {}),
    ...(queue ? { queue } : {}),
    ...(assignee ? { assignee } : {}),
  };
}

/** The dashboard card's queue the list is narrowed to, and the way back to the whole list. */
function QueueTag({ queue, onClear }: { queue: CaseQueue; onClear: (() => void) | undefined }) {
  return (
    <Space size={4}>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        统计筛选：{queueLabel(queue)}
      </Tag>
      <Button size="small" onClick={onClear}>
        清除筛选
      </Button>
    </Space>
  );
}

/** 按承办人筛选: the officer's own cases, the unassigned ones, or one officer's. */
function AssigneeFilter({
  organId,
  role,
  value,
  onChange,
}: {
  organId: number;
  role: string | undefined;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const officers = useAssignees(organId);
  return (
    <LabelSelect<string>
      label="按承办人筛选"
      placeholder="全部承办人"
      width={150}
      value={value}
      onChange={onChange}
      options={[
        ...(role === 'officer' ? [{ value: 'me', label: '我承办的' }] : []),
        { value: 'none', label: '未分派' },
        ...(officers.data ?? []).map((o) => ({ value: String(o.id), label: o.name })),
      ]}
    />
  );
}

/** The organ's applications, paged on the server, due and overdue first. */
export function ApplicationsTable({ organId, queue, onClearQueue }: Props) {
  const navigate = useNavigate();
  const { page, setPage, filters, setFilters } = usePagedFilters(NO_FILTERS);
  const { scope, status, search, assignee } = filters;
  const role = useSession().user?.role;
  const query = listQuery(page, filters, queue);
  const list = useQuery({ ...applicationsQuery(organId, query), placeholderData: keepPreviousData });
  // Ticked cases stay ticked across pages and filters, until done with or cleared.
  const [selected, setSelected] = useState<number[]>([]);
  const { page: _page, pageSize: _size, ...filtersNow } = query;
  const statuses = CASE_STATUSES.filter((s) =>
    scope === 'open' ? s !== 'closed' : scope === 'closed' ? s === 'closed' : true,
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {queue && <QueueTag queue={queue} onClear={onClearQueue} />}
        <Segmented<Scope>
          aria-label="办理状态范围"
          disabled={queue !== undefined}
          value={scope}
          onChange={(value) => setFilters({ scope: value, status: undefined })}
          options={[
            { value: 'open', label: '在办' },
            { value: 'closed', label: '已办结' },
            { value: 'all', label: '全部' },
          ]}
        />
        <LabelSelect<CaseStatus>
          label="按状态筛选"
          placeholder="全部状态"
          width={160}
          value={status}
          onChange={(value) => setFilters({ status: value })}
          options={statuses.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
        />
        <AssigneeFilter
          organId={organId}
          role={role}
          value={assignee}
          onChange={(value) => setFilters({ assignee: value })}
        />
        <TableSearch
          label="搜索申请"
          placeholder="编号、申请人或申请内容"
          onSearch={(text) => setFilters({ search: text })}
        />
      </Space>
      <ListTools
        organId={organId}
        filters={filtersNow}
        selected={selected}
        onClear={() => setSelected([])}
        canAssign={role === 'reviewer' || role === 'organAdmin'}
      />
      <PagedTable<ApplicationListItem>
        size="middle"
        rowKey="id"
        result={list}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        empty={<EmptyState description={search || status || queue || assignee ? '没有符合条件的申请' : '暂无申请'} />}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys.map(Number)),
          getCheckboxProps: (row) => ({ 'aria-label': `选择 ${row.serialNo}` }),
        }}
        onRow={(row) => ({
          // A click on the row opens the case; one on its checkbox only ticks it.
          onClick: (event) => {
            if (!(event.target as HTMLElement).closest('.ant-table-selection-column')) navigate(`/workbench/${row.id}`);
          },
          style: { cursor: 'pointer' },
        })}
        columns={COLUMNS}
      />
    </Space>
  );
}
