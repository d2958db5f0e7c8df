import { cellName } from '@xxgk/core';
import { Table, Typography } from 'antd';
import { cellValue, dateTime } from './format.js';
import type { CellCorrection } from './types.js';

/** The cells of a saved import corrected by hand: what was read, what was kept, why, by whom, when. */
export function SavedCorrections({
  corrections,
  onSelect,
}: {
  corrections: readonly CellCorrection[];
  onSelect(cellId: string): void;
}) {
  if (corrections.length === 0) return <Typography.Text type="secondary">没有人工更正。</Typography.Text>;
  return (
    <Table<CellCorrection>
      size="small"
      rowKey="cellId"
      pagination={false}
      dataSource={[...corrections]}
      columns={[
        {
          title: '单元格',
          dataIndex: 'cellId',
          render: (cellId: string) => (
            <Typography.Link onClick={() => onSelect(cellId)}>{cellName(cellId)}</Typography.Link>
          ),
        },
        {
          title: '读出值 → 更正值',
          key: 'change',
          width: 140,
          render: (_, c) => `${cellValue(c.from)} → ${cellValue(c.to)}`,
        },
        { title: '更正理由', dataIndex: 'reason' },
        { title: '更正人', dataIndex: 'byName', width: 100, render: (name: string) => name || '—' },
        { title: '更正时间', dataIndex: 'at', width: 170, render: dateTime },
      ]}
    />
  );
}
