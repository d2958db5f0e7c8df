import { cellName } from '@xxgk/core';
import { Table, Typography } from 'antd';
import type { ImportComparison } from './types.js';

const AGAINST = { compiled: '本机关编制的', imported: '此前导入的' } as const;

/** The cells where the file differs from the organ's own report of the same year, or last year's. */
export function ComparisonTable({ comparison, year }: { comparison: ImportComparison | null; year: number | null }) {
  if (!comparison) {
    return (
      <Typography.Text type="secondary">本机关没有{year ? `${year}年度或上一年度` : '可比较'}的报告。</Typography.Text>
    );
  }
  const sameYear = comparison.year === year;
  return (
    <>
      <Typography.Paragraph>
        与{AGAINST[comparison.against]}
        {comparison.year}年度报告{sameYear ? '' : '（上一年度）'}比较：
        {comparison.differences.length === 0 ? '各单元格一致。' : `${comparison.differences.length} 个单元格不同。`}
      </Typography.Paragraph>
      {comparison.differences.length > 0 && (
        <Table
          size="small"
          rowKey="cellId"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={[...comparison.differences]}
          columns={[
            { title: '单元格', dataIndex: 'cellId', render: (cellId: string) => cellName(cellId) },
            { title: '本文件', dataIndex: 'a', width: 90, render: (v: number | null | undefined) => v ?? '空白' },
            {
              title: `${comparison.year}年度报告`,
              dataIndex: 'b',
              width: 120,
              render: (v: number | null | undefined) => v ?? '空白',
            },
            { title: '差额', dataIndex: 'delta', width: 80, render: (v: number | null) => v ?? '—' },
          ]}
        />
      )}
    </>
  );
}
