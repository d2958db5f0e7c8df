import { PrinterOutlined } from '@ant-design/icons';
import { REVIEWS_CSV_HEADER } from '@xxgk/core';
import { Button, Space, Tag, Typography, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LabelSelect } from '../../components/LabelSelect.js';
import { ExportButton, withQuery } from '../../components/ExportButton.js';
import { PagedTable, TableSearch } from '../../components/PagedTable.js';
import { EmptyState } from '../../components/PageState.js';
import { usePagedFilters } from '../../components/usePagedFilters.js';
import { useRefreshRegister, useReviews } from './api.js';
import { CsvImportModal, type PreviewRow } from './CsvImportModal.js';
import { csvTemplate } from './csvTemplate.js';
import { REVIEW_KIND_LABELS, REVIEW_RESULT_LABELS, options } from './labels.js';
import { PAGE_SIZE, useLastPageWhenEmptied } from './paging.js';
import { ReviewForm } from './ReviewForm.js';
import type { ReviewCase, ReviewKind, ReviewResult } from './types.js';

const RESULT_COLORS: Readonly<Record<ReviewResult, string>> = { upheld: 'green', corrected: 'red', other: 'default' };

/** How a row of the CSV file is shown before it is imported. */
const CSV_PREVIEW_COLUMNS: ColumnsType<PreviewRow> = [
  {
    title: '类型',
    key: 'kind',
    render: (_: unknown, row) => REVIEW_KIND_LABELS[row.value['kind'] as ReviewKind],
  },
  { title: '案号', key: 'caseNo', render: (_: unknown, row) => String(row.value['caseNo'] ?? '') },
  { title: '收案日期', key: 'filedOn', render: (_: unknown, row) => String(row.value['filedOn'] ?? '') },
  {
    title: '审结日期',
    key: 'concludedOn',
    render: (_: unknown, row) => String(row.value['concludedOn'] ?? '—'),
  },
  {
    title: '结果',
    key: 'result',
    render: (_: unknown, row) =>
      row.value['result'] ? REVIEW_RESULT_LABELS[row.value['result'] as ReviewResult] : '尚未审结',
  },
  {
    title: '关联申请编号',
    key: 'applicationSerialNo',
    render: (_: unknown, row) => String(row.value['applicationSerialNo'] ?? '—'),
  },
];

/** The register's columns; 修改 opens the case in the form. */
function columns(onEdit: (review: ReviewCase) => void): TableProps<ReviewCase>['columns'] {
  return [
    { title: '类型', dataIndex: 'kind', width: 190, render: (k: ReviewKind) => REVIEW_KIND_LABELS[k] },
    { title: '案号', dataIndex: 'caseNo' },
    { title: '收案日期', dataIndex: 'filedOn', width: 110 },
    { title: '审结日期', dataIndex: 'concludedOn', width: 110, render: (d: string | null) => d ?? '—' },
    {
      title: '结果',
      dataIndex: 'result',
      width: 100,
      render: (result: ReviewResult | null) =>
        result ? <Tag color={RESULT_COLORS[result]}>{REVIEW_RESULT_LABELS[result]}</Tag> : <Tag>尚未审结</Tag>,
    },
    {
      title: '关联申请',
      dataIndex: 'applicationSerialNo',
      width: 170,
      render: (serial: string | null, row) => serial ?? (row.applicationId ? `#${row.applicationId}` : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_: unknown, row) => (
        <Button type="link" size="small" onClick={() => onEdit(row)}>
          修改
        </Button>
      ),
    },
  ];
}

/** 行政复议 and 行政诉讼 cases on information disclosure; counted into section 四. Latest filed first. */
export function ReviewsTab({ organId }: { organId: number }) {
  const navigate = useNavigate();
  const { page, setPage, filters, setFilters, filtered } = usePagedFilters({
    search: '',
    kind: undefined as ReviewKind | undefined,
  });
  const { search, kind } = filters;
  const reviews = useReviews(organId, {
    page,
    pageSize: PAGE_SIZE,
    ...(search ? { q: search } : {}),
    ...(kind ? { kind } : {}),
  });
  const refresh = useRefreshRegister(organId, 'reviews');
  const [editing, setEditing] = useState<{ review: ReviewCase | undefined }>();
  const [importing, setImporting] = useState(false);
  useLastPageWhenEmptied({ page, setPage, shown: reviews.data, stale: reviews.isPlaceholderData });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setEditing({ review: undefined })}>
          登记案件
        </Button>
        <Button onClick={() => setImporting(true)}>从 CSV 导入</Button>
        <Typography.Text type="secondary">按结果（维持、纠正、其他、尚未审结）计入年度报告第四部分。</Typography.Text>
      </Space>
      <Space wrap>
        <TableSearch label="查找案件" placeholder="按案号查找" onSearch={(text) => setFilters({ search: text })} />
        <LabelSelect<ReviewKind>
          label="按类型筛选"
          placeholder="全部类型"
          width={220}
          value={kind}
          options={options(REVIEW_KIND_LABELS)}
          onChange={(value) => setFilters({ kind: value })}
        />
        <ExportButton
          path={withQuery(`/api/organs/${organId}/reviews/export`, { q: search, kind })}
          fileName="行政复议和行政诉讼登记.xlsx"
        />
        <Button icon={<PrinterOutlined />} onClick={() => navigate(withQuery('/print/reviews', { q: search, kind }))}>
          打印
        </Button>
      </Space>
      <PagedTable<ReviewCase>
        size="small"
        rowKey="id"
        result={reviews}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        empty={<EmptyState description={filtered ? '没有符合条件的案件' : '还没有登记行政复议或行政诉讼案件'} />}
        columns={columns((review) => setEditing({ review }))}
      />
      {editing && <ReviewForm organId={organId} review={editing.review} onClose={() => setEditing(undefined)} />}
      <CsvImportModal
        open={importing}
        title="从 CSV 导入复议诉讼案件"
        path={`/api/organs/${organId}/reviews/import`}
        header={REVIEWS_CSV_HEADER}
        template={() => csvTemplate(REVIEWS_CSV_HEADER)}
        templateName="复议诉讼案件登记模板.csv"
        columns={CSV_PREVIEW_COLUMNS}
        onClose={() => setImporting(false)}
        onImported={() => {
          // Every page is re-read; page 1 is where the latest cases are.
          setPage(1);
          void refresh();
        }}
      />
    </Space>
  );
}
