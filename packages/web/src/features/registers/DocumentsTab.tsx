import { PrinterOutlined } from '@ant-design/icons';
import { DOCUMENTS_CSV_HEADER } from '@xxgk/core';
import { Button, Segmented, Space, Tag, Typography, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ExportButton, withQuery } from '../../components/ExportButton.js';
import { PagedTable, TableSearch } from '../../components/PagedTable.js';
import { EmptyState } from '../../components/PageState.js';
import { usePagedFilters } from '../../components/usePagedFilters.js';
import { useDocuments, useRefreshRegister } from './api.js';
import { CsvImportModal, type PreviewRow } from './CsvImportModal.js';
import { csvTemplate } from './csvTemplate.js';
import { DocumentForm } from './DocumentForm.js';
import { DOCUMENT_KIND_LABELS } from './labels.js';
import { PAGE_SIZE, useLastPageWhenEmptied } from './paging.js';
import type { DocumentKind, DocumentStatus, RegisterDocument } from './types.js';

type Editing = { document: RegisterDocument | undefined; repealOnly: boolean };
type StatusFilter = DocumentStatus | 'all';

const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'inForce', label: '现行有效' },
  { value: 'repealed', label: '已废止' },
];

/** How a row of the CSV file is shown before it is imported. */
const CSV_PREVIEW_COLUMNS: ColumnsType<PreviewRow> = [
  {
    title: '类别',
    key: 'kind',
    width: 130,
    render: (_: unknown, row) => DOCUMENT_KIND_LABELS[row.value['kind'] as DocumentKind],
  },
  { title: '文号', key: 'number', render: (_: unknown, row) => String(row.value['number'] ?? '—') },
  { title: '标题', key: 'title', render: (_: unknown, row) => String(row.value['title'] ?? '') },
  { title: '制发日期', key: 'issuedOn', render: (_: unknown, row) => String(row.value['issuedOn'] ?? '') },
  {
    title: '废止日期',
    key: 'repealedOn',
    render: (_: unknown, row) => String(row.value['repealedOn'] ?? '—'),
  },
];

/** The register's columns; 修改 and 登记废止 open the document in the form. */
function columns(onEdit: (editing: Editing) => void): TableProps<RegisterDocument>['columns'] {
  return [
    {
      title: '类别',
      dataIndex: 'kind',
      width: 130,
      render: (kind: DocumentKind) => DOCUMENT_KIND_LABELS[kind],
    },
    { title: '文号', dataIndex: 'number', width: 200, render: (n: string | null) => n ?? '—' },
    { title: '标题', dataIndex: 'title' },
    { title: '制发日期', dataIndex: 'issuedOn', width: 110 },
    {
      title: '状态',
      dataIndex: 'repealedOn',
      width: 170,
      render: (repealedOn: string | null) =>
        repealedOn ? <Tag>{repealedOn} 废止</Tag> : <Tag color="green">现行有效</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_: unknown, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit({ document: row, repealOnly: false })}>
            修改
          </Button>
          {!row.repealedOn && (
            <Button type="link" size="small" onClick={() => onEdit({ document: row, repealOnly: true })}>
              登记废止
            </Button>
          )}
        </Space>
      ),
    },
  ];
}

/** The register as the list shows it (its search and status), to Excel or to the print page. */
function ExportAndPrint({ organId, search, status }: { organId: number; search: string; status: StatusFilter }) {
  const navigate = useNavigate();
  // A Space of its own: the toolbar's Space spaces its direct children only.
  return (
    <Space wrap>
      <ExportButton
        path={withQuery(`/api/organs/${organId}/documents/export`, {
          q: search,
          status: status === 'all' ? undefined : status,
        })}
        fileName="规章和行政规范性文件登记.xlsx"
      />
      <Button
        icon={<PrinterOutlined />}
        onClick={() =>
          navigate(
            withQuery('/print/documents', {
              q: search,
              status: status === 'all' ? undefined : status,
            }),
          )
        }
      >
        打印
      </Button>
    </Space>
  );
}

/**
 * The register of 规章 and 行政规范性文件: issued, repealed, in force; counted into section 二.
 * Paged, searched and filtered on the server, newest first, so that what was just registered or
 * imported is on the first page.
 */
export function DocumentsTab({ organId }: { organId: number }) {
  const { page, setPage, filters, setFilters, filtered } = usePagedFilters({
    search: '',
    status: 'all' as StatusFilter,
  });
  const { search, status } = filters;
  const documents = useDocuments(organId, {
    page,
    pageSize: PAGE_SIZE,
    ...(search ? { q: search } : {}),
    ...(status === 'all' ? {} : { status }),
  });
  const refresh = useRefreshRegister(organId, 'documents');
  const [editing, setEditing] = useState<Editing>();
  const [importing, setImporting] = useState(false);
  useLastPageWhenEmptied({ page, setPage, shown: documents.data, stale: documents.isPlaceholderData });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setEditing({ document: undefined, repealOnly: false })}>
          登记文件
        </Button>
        <Button onClick={() => setImporting(true)}>从 CSV 导入</Button>
        <Typography.Text type="secondary">
          制发、废止和现行有效的件数计入年度报告第二部分，由系统统计，无须另行填报。
        </Typography.Text>
      </Space>
      <Space wrap>
        <TableSearch
          label="查找文件"
          placeholder="按标题或文号查找"
          onSearch={(text) => setFilters({ search: text })}
        />
        <Segmented<StatusFilter>
          aria-label="按状态筛选"
          value={status}
          options={STATUS_FILTERS}
          onChange={(value) => setFilters({ status: value })}
        />
        <ExportAndPrint organId={organId} search={search} status={status} />
      </Space>
      <PagedTable<RegisterDocument>
        size="small"
        rowKey="id"
        result={documents}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        empty={<EmptyState description={filtered ? '没有符合条件的文件' : '还没有登记规章或行政规范性文件'} />}
        columns={columns(setEditing)}
      />
      {editing && (
        <DocumentForm
          organId={organId}
          document={editing.document}
          repealOnly={editing.repealOnly}
          onClose={() => setEditing(undefined)}
        />
      )}
      <CsvImportModal
        open={importing}
        title="从 CSV 导入规章和行政规范性文件"
        path={`/api/organs/${organId}/documents/import`}
        header={DOCUMENTS_CSV_HEADER}
        template={() => csvTemplate(DOCUMENTS_CSV_HEADER)}
        templateName="规章和行政规范性文件登记模板.csv"
        columns={CSV_PREVIEW_COLUMNS}
        onClose={() => setImporting(false)}
        onImported={() => {
          // Every page is re-read; page 1 is where the newest documents are.
          setPage(1);
          void refresh();
        }}
      />
    </Space>
  );
}
