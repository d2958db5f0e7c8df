import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { LabelSelect } from '../../components/LabelSelect.js';
import { PagedTable, TableSearch } from '../../components/PagedTable.js';
import { EmptyState } from '../../components/PageState.js';
import { usePagedFilters } from '../../components/usePagedFilters.js';
import { listSavedImports, savedImportKeys, type SavedImportsQuery } from './api.js';
import { dateTime, reportYears } from './format.js';
import { SavedImportDrawer } from './SavedImportDrawer.js';
import type { ImportedReportSummary } from './types.js';

const PAGE_SIZE = 10;

/** A count of findings as a tag: coloured only when there are some, so that the eye finds them. */
function CountTag({ count, label, color }: { count: number; label: string; color: string }) {
  return <Tag color={count > 0 ? color : undefined}>{`${label} ${count}`}</Tag>;
}

/** The list's columns; the file name is a button too, so that the keyboard opens the report. */
function columns(open: (id: number) => void): TableProps<ImportedReportSummary>['columns'] {
  return [
    { title: '年度', dataIndex: 'year', width: 100, render: (y: number) => `${y}年度` },
    {
      title: '文件名',
      dataIndex: 'fileName',
      ellipsis: true,
      render: (fileName: string, row) => (
        // A button as well as the row, so that the keyboard opens it too.
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={(event) => {
            event.stopPropagation();
            open(row.id);
          }}
        >
          {fileName}
        </Button>
      ),
    },
    { title: '导入时间', dataIndex: 'importedAt', width: 180, render: dateTime },
    {
      title: '导入人',
      dataIndex: 'importedByName',
      width: 160,
      render: (name: string | null) => name ?? <Typography.Text type="secondary">系统导入</Typography.Text>,
    },
    {
      title: '检查结果',
      key: 'findings',
      width: 170,
      render: (_, row) => (
        <>
          <CountTag count={row.errorCount} label="错误" color="red" />
          <CountTag count={row.warningCount} label="警告" color="orange" />
        </>
      ),
    },
    {
      title: '人工更正',
      dataIndex: 'correctionCount',
      width: 100,
      render: (count: number) =>
        count > 0 ? <Tag color="purple">{`${count} 处`}</Tag> : <Typography.Text type="secondary">无</Typography.Text>,
    },
  ];
}

/** 已保存的导入报告: the organ's saved imports, paged on the server, newest first; a row opens its report. */
export function SavedImports({ organId }: { organId: number }) {
  const { page, setPage, filters, setFilters, filtered } = usePagedFilters({
    year: undefined as number | undefined,
    search: '',
  });
  const { year, search } = filters;
  const [shown, setShown] = useState<{ id: number | null; open: boolean }>({ id: null, open: false });
  const query: SavedImportsQuery = {
    page,
    pageSize: PAGE_SIZE,
    ...(year !== undefined ? { year } : {}),
    ...(search ? { q: search } : {}),
  };
  const list = useQuery({
    queryKey: savedImportKeys.list(organId, query),
    queryFn: () => listSavedImports(organId, query),
    placeholderData: keepPreviousData,
  });
  const open = (id: number) => setShown({ id, open: true });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <LabelSelect<number>
          label="按年度筛选"
          placeholder="全部年度"
          width={140}
          value={year}
          onChange={(value) => {
            setFilters({ year: value });
          }}
          options={reportYears()}
        />
        <TableSearch
          label="按文件名搜索"
          placeholder="文件名"
          width={260}
          onSearch={(text) => setFilters({ search: text })}
        />
      </Space>
      <PagedTable<ImportedReportSummary>
        size="middle"
        rowKey="id"
        className="import-saved"
        result={list}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        unit="份"
        empty={
          filtered ? (
            <EmptyState description="没有符合条件的导入报告" />
          ) : (
            <EmptyState description="尚未保存导入的报告">
              <Typography.Text type="secondary">在“读取与核对”中读取已发布的年度报告文件，核对后保存。</Typography.Text>
            </EmptyState>
          )
        }
        onRow={(row) => ({ onClick: () => open(row.id), style: { cursor: 'pointer' } })}
        columns={columns(open)}
      />
      <SavedImportDrawer id={shown.id} open={shown.open} onClose={() => setShown({ ...shown, open: false })} />
    </Space>
  );
}
