import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel } from '@xxgk/core';
import { Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import { LabelSelect } from '../../components/LabelSelect.js';
import { ExportButton, withQuery } from '../../components/ExportButton.js';
import { ErrorState } from '../../components/PageState.js';
import { CalendarCard } from './CalendarCard.js';
import { OrganSettingsCard } from './OrganSettingsCard.js';

/** The system administrator's page: which years the working-day calendar holds, and the audit log. */
export default function AdminArea() {
  const [entity, setEntity] = useState<string | undefined>(undefined);
  const navigate = useNavigate();
  const filters = entity ? { entity } : {};
  const audit = useQuery({
    queryKey: ['audit', filters],
    queryFn: () => unwrap(api.GET('/api/audit', { params: { query: { ...filters, page: 1, pageSize: 50 } } })),
  });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        系统管理
      </Typography.Title>
      <CalendarCard />
      <OrganSettingsCard />
      <Card
        title="审计日志（最近 50 条）"
        extra={
          <Space wrap>
            <LabelSelect<string>
              label="按对象筛选"
              placeholder="全部对象"
              width={200}
              value={entity}
              onChange={setEntity}
              options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <ExportButton
              path={withQuery('/api/audit/export', filters)}
              fileName="审计日志.xlsx"
              label="导出全部（Excel）"
            />
            <Button icon={<PrinterOutlined />} onClick={() => navigate(withQuery('/print/audit', filters))}>
              打印
            </Button>
          </Space>
        }
      >
        {audit.error ? (
          <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <Table
            size="small"
            rowKey="id"
            loading={audit.isLoading}
            dataSource={audit.data ?? []}
            pagination={false}
            columns={[
              { title: '时间', dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString('zh-CN') },
              { title: '操作人', dataIndex: 'actorName', render: (name: string | null) => name ?? '系统' },
              { title: '对象', dataIndex: 'entity', render: auditEntityLabel },
              { title: '编号', dataIndex: 'entityId' },
              { title: '操作', dataIndex: 'action', render: auditActionLabel },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
