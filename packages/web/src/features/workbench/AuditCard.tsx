import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ExportButton, withQuery } from '../../components/ExportButton.js';
import { ErrorState } from '../../components/PageState.js';
import { actionLabel } from './describeEvent.js';
import { dateTime } from './format.js';
import { useAudit } from './queries.js';
import type { AuditEntry } from './types.js';

const PAGE_SIZE = 10;

function change(entry: AuditEntry): string {
  const before = (entry.before ?? {}) as { status?: string; dueOn?: string | null };
  const after = (entry.after ?? {}) as { status?: string; dueOn?: string | null };
  const parts: string[] = [];
  if (before.dueOn !== after.dueOn && after.dueOn !== undefined)
    parts.push(`答复期限 ${before.dueOn ?? '—'} → ${after.dueOn ?? '暂停计时'}`);
  return parts.join('；');
}

/** 操作记录: the append-only audit log of this application, newest first, paged on the server. */
export function AuditCard({ id }: { id: number }) {
  const [page, setPage] = useState(1);
  const audit = useAudit(id, page, PAGE_SIZE);
  const navigate = useNavigate();
  const filters = { entity: 'application', entityId: String(id) };
  const rows = audit.data ?? [];
  // The endpoint gives no total: offer a next page while a page comes back full.
  const total = (page - 1) * PAGE_SIZE + rows.length + (rows.length === PAGE_SIZE ? 1 : 0);
  return (
    <Card
      title="操作记录"
      size="small"
      extra={
        <Space>
          <ExportButton path={withQuery('/api/audit/export', filters)} fileName="操作记录.xlsx" />
          <Button
            icon={<PrinterOutlined />}
            aria-label="打印操作记录"
            onClick={() => navigate(withQuery('/print/audit', filters))}
          >
            打印
          </Button>
        </Space>
      }
    >
      {audit.error ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <Table<AuditEntry>
          size="small"
          rowKey="id"
          loading={audit.isLoading}
          dataSource={rows}
          locale={{ emptyText: '暂无操作记录' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total,
            onChange: setPage,
            simple: true,
            hideOnSinglePage: true,
          }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 170, render: dateTime },
            { title: '操作人', dataIndex: 'actorName', width: 160, render: (name: string | null) => name ?? '系统' },
            { title: '操作', dataIndex: 'action', width: 150, render: actionLabel },
            { title: '变化', key: 'change', render: (_, entry) => change(entry) },
          ]}
        />
      )}
    </Card>
  );
}
