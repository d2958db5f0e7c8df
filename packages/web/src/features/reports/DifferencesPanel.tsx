import { Alert, Button, Table, Typography } from 'antd';
import type { components } from '../../api/schema.js';
import type { ReportState } from './types.js';

type CellDifference = components['schemas']['CellDifference'];

function shown(value: number | null | undefined): string {
  if (value === undefined) return '（无此项）';
  if (value === null) return '（空）';
  return String(value);
}

interface Props {
  readonly imported: NonNullable<ReportState['imported']>;
  readonly onSelect: (cellId: string) => void;
}

/** 与导入报告比较: the cells where the report published elsewhere differs from the one compiled from records. */
export function DifferencesPanel({ imported, onSelect }: Props) {
  return (
    <>
      <Typography.Paragraph>
        导入文件：{imported.fileName}（{new Date(imported.importedAt).toLocaleString('zh-CN')}）
      </Typography.Paragraph>
      {imported.differences.length === 0 ? (
        <Alert type="success" showIcon title="编制的报告与导入的报告各单元格一致" />
      ) : (
        <Table<CellDifference>
          size="small"
          rowKey="cellId"
          dataSource={[...imported.differences]}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            {
              title: '单元格',
              dataIndex: 'label',
              render: (label: string, row) => (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
                  onClick={() => onSelect(row.cellId)}
                >
                  {label}
                </Button>
              ),
            },
            { title: '编制', dataIndex: 'a', width: 70, render: shown },
            { title: '导入', dataIndex: 'b', width: 70, render: shown },
            { title: '差额', dataIndex: 'delta', width: 70, render: (d: number | null) => (d === null ? '—' : d) },
          ]}
        />
      )}
    </>
  );
}
