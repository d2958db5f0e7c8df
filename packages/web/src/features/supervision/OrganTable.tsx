import { PrinterOutlined } from '@ant-design/icons';
import { SUPERVISION_STATUS_LABELS, SUPERVISION_STATUS_ORDER } from '@xxgk/core';
import { Button, Segmented, Space, Tag, type TableProps } from 'antd';
import { useNavigate } from 'react-router';
import { ExportButton, withQuery } from '../../components/ExportButton.js';
import { PagedTable, TableSearch } from '../../components/PagedTable.js';
import { EmptyState } from '../../components/PageState.js';
import { usePagedFilters } from '../../components/usePagedFilters.js';
import { useSupervisionOrgans } from './api.js';
import { StatusTag } from './StatusTag.js';
import type { SupervisionOrgan, SupervisionStatus } from './types.js';

const PAGE_SIZE = 20;

type StatusFilter = SupervisionStatus | 'all';

/** In the order the table lists them: whom to chase first. */
const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  ...SUPERVISION_STATUS_ORDER.map((value) => ({ value, label: SUPERVISION_STATUS_LABELS[value] })),
];

/** The table's columns; 催办 is offered to the 政务公开办 (onUrge) for late organs only. */
function columns(
  onOpen: (organ: SupervisionOrgan) => void,
  onUrge?: (organ: SupervisionOrgan) => void,
): TableProps<SupervisionOrgan>['columns'] {
  return [
    {
      title: '机关',
      dataIndex: 'organName',
      render: (name: string, o) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(o)}>
          {name}
        </Button>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 140,
      render: (status: SupervisionStatus, o) => (
        <Space size={4}>
          <StatusTag status={status} />
          {status === 'late' && o.reportStatus !== 'published' && (
            <Tag>{SUPERVISION_STATUS_LABELS[o.reportStatus]}</Tag>
          )}
        </Space>
      ),
    },
    { title: '发布日期', dataIndex: 'publishedOn', width: 110, render: (d: string | null) => d ?? '—' },
    {
      title: '检查发现（错误/警告/提示）',
      key: 'findings',
      width: 210,
      render: (_: unknown, o) => (
        <Space size={4}>
          <Tag color={o.findings.error ? 'red' : 'default'}>错误 {o.findings.error}</Tag>
          <Tag color={o.findings.warning ? 'orange' : 'default'}>警告 {o.findings.warning}</Tag>
          <Tag>提示 {o.findings.info}</Tag>
        </Space>
      ),
    },
    {
      title: '本年收到申请',
      key: 'received',
      width: 110,
      align: 'right',
      render: (_: unknown, o) => o.applications.received,
    },
    {
      title: '其中在办',
      key: 'open',
      width: 90,
      align: 'right',
      render: (_: unknown, o) => o.applications.open,
    },
    {
      title: '操作',
      key: 'action',
      width: onUrge ? 150 : 90,
      render: (_: unknown, o) => (
        <Space size={4}>
          <Button size="small" onClick={() => onOpen(o)} aria-label={`查看${o.organName}的报告`}>
            查看报告
          </Button>
          {onUrge && o.status === 'late' && o.reportStatus !== 'published' && (
            <Button size="small" danger onClick={() => onUrge(o)} aria-label={`催办${o.organName}`}>
              催办
            </Button>
          )}
        </Space>
      ),
    },
  ];
}

/**
 * Every organ under the government with its report of the year, a page at a time from the server
 * (a province has thousands), late first; filtered by status and searched by name.
 */
export function OrganTable({
  year,
  onOpen,
  onUrge,
}: {
  year: number;
  onOpen(organ: SupervisionOrgan): void;
  /** 催办 a late organ (政务公开办 only). */
  onUrge?(organ: SupervisionOrgan): void;
}) {
  const { page, setPage, filters, setFilters, filtered } = usePagedFilters({
    search: '',
    status: 'all' as StatusFilter,
  });
  const { search, status } = filters;
  const navigate = useNavigate();
  const listFilters = { q: search, status: status === 'all' ? undefined : status };
  const organs = useSupervisionOrgans(year, {
    page,
    pageSize: PAGE_SIZE,
    ...(search ? { q: search } : {}),
    ...(status === 'all' ? {} : { status }),
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <TableSearch label="查找机关" placeholder="按机关名称查找" onSearch={(text) => setFilters({ search: text })} />
        <Segmented<StatusFilter>
          aria-label="按状态筛选"
          value={status}
          options={STATUS_FILTERS}
          onChange={(value) => setFilters({ status: value })}
        />
        <ExportButton
          path={withQuery(`/api/supervision/${year}/organs/export`, listFilters)}
          fileName={`${year}年度政府信息公开工作年度报告情况.xlsx`}
        />
        <Button
          icon={<PrinterOutlined />}
          onClick={() => navigate(withQuery('/print/supervision', { year, ...listFilters }))}
        >
          打印
        </Button>
      </Space>
      <PagedTable<SupervisionOrgan>
        size="small"
        rowKey="organId"
        unit="个机关"
        result={organs}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        empty={<EmptyState description={filtered ? '没有符合条件的机关' : '本级政府下没有机关'} />}
        rowClassName={(o) => (o.status === 'late' ? 'supervision-late' : '')}
        columns={columns(onOpen, onUrge)}
      />
    </Space>
  );
}
