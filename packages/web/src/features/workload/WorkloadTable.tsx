import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { components } from '../../api/schema.js';

type Measure = components['schemas']['OrganWorkload']['organ'];

/** Working days to a tenth; none when nothing was answered. */
const days = (value: number | null) => (value === null ? '—' : `${value} 个工作日`);
const share = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);

/** The columns every workload table shares: in hand, median and 90th percentile, share late. */
export function measureColumns<T extends Measure>(): ColumnsType<T> {
  return [
    { title: '在办', dataIndex: 'inHand', width: 80, align: 'right' },
    { title: '本年办结', dataIndex: 'answered', width: 90, align: 'right' },
    { title: '办结用时中位数', dataIndex: 'medianWorkingDays', width: 130, align: 'right', render: days },
    { title: '第90百分位数', dataIndex: 'p90WorkingDays', width: 130, align: 'right', render: days },
    {
      title: '超期办结',
      key: 'late',
      width: 150,
      align: 'right',
      render: (_: unknown, row) => (
        <Tag color={row.answeredLate > 0 ? 'red' : 'green'}>
          {row.answeredLate} 件（{share(row.lateShare)}）
        </Tag>
      ),
    },
  ];
}

export function WorkloadTable<T extends Measure>({
  rows,
  rowKey,
  nameTitle,
  name,
}: {
  rows: readonly T[];
  rowKey: (row: T) => string;
  nameTitle: string;
  name: (row: T) => string;
}) {
  return (
    <Table<T>
      size="small"
      rowKey={rowKey}
      dataSource={rows as T[]}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      columns={[{ title: nameTitle, key: 'name', render: (_: unknown, row) => name(row) }, ...measureColumns<T>()]}
    />
  );
}
