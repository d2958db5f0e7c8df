import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/PageState.js';
import { OrganSettingsCard } from './OrganSettingsCard.js';

/** The system administrator's page: which years the working-day calendar holds, and the audit log. */
export default function AdminArea() {
  const years = useQuery({ queryKey: ['calendar'], queryFn: () => unwrap(api.GET('/api/calendar')) });
  const audit = useQuery({
    queryKey: ['audit'],
    queryFn: () => unwrap(api.GET('/api/audit', { params: { query: { page: 1, pageSize: 50 } } })),
  });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        系统管理
      </Typography.Title>
      <Card title="工作日历（国务院办公厅节假日安排）">
        {years.isLoading ? (
          <Loading />
        ) : years.error ? (
          <ErrorState error={years.error} onRetry={() => void years.refetch()} />
        ) : (
          <Space wrap>
            {(years.data ?? []).map((y) => (
              <Tag key={y.year} color={y.source === 'administrator' ? 'blue' : 'default'}>
                {y.year}年{y.source === 'administrator' ? '（管理员维护）' : ''}
              </Tag>
            ))}
          </Space>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          新一年的通知发布后，通过 PUT /api/calendar/年份 补充放假日和调休上班日，在办申请的期限随之重算。
        </Typography.Paragraph>
      </Card>
      <OrganSettingsCard />
      <Card title="审计日志（最近 50 条）">
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
              { title: '对象', dataIndex: 'entity' },
              { title: '编号', dataIndex: 'entityId' },
              { title: '操作', dataIndex: 'action' },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
