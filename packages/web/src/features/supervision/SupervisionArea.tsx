import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Radio, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState, EmptyState, Loading } from '../../components/PageState.js';
import { supervisionYear } from './api.js';
import { OrganReportDrawer } from './OrganReportDrawer.js';
import { StatisticsCharts } from './StatisticsCharts.js';
import { STATUS_LABELS, StatusTag } from './StatusTag.js';
import type { SupervisionOrgan, SupervisionStatus } from './types.js';
import './supervision.css';

const STATUSES: readonly SupervisionStatus[] = ['published', 'draft', 'notStarted', 'late'];

/** The 政务公开办's dashboard: every organ's annual report of a year, who is late, and 依申请公开 figures. */
export default function SupervisionArea() {
  const thisYear = new Date().getFullYear();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear - 1;
  const years = Array.from({ length: 6 }, (_, i) => thisYear - 5 + i);
  const [organ, setOrgan] = useState<SupervisionOrgan | null>(null);
  const query = useQuery({ queryKey: ['supervision', year], queryFn: () => supervisionYear(year) });
  const data = query.data;
  const late = data?.organs.filter((o) => o.status === 'late') ?? [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          监督：{year}年度政府信息公开工作年度报告
        </Typography.Title>
        <Radio.Group
          aria-label="报告年度"
          optionType="button"
          value={year}
          onChange={(e) => setParams({ year: String(e.target.value) })}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
        />
      </Space>
      {query.isLoading ? (
        <Loading />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : data ? (
        <>
          <Row gutter={16}>
            {STATUSES.map((status) => (
              <Col span={4} key={status}>
                <Card size="small">
                  <Statistic
                    title={STATUS_LABELS[status]}
                    value={data.totals[status]}
                    suffix="个"
                    styles={{ content: status === 'late' && data.totals.late > 0 ? { color: '#cf1322' } : {} }}
                  />
                </Card>
              </Col>
            ))}
            <Col span={8}>
              <Card size="small">
                <Statistic title="发布期限（条例第四十九条）" value={data.deadline} />
                <Typography.Text type="secondary">今天：{data.today}</Typography.Text>
              </Card>
            </Col>
          </Row>
          {late.length > 0 && (
            <Alert
              type="error"
              showIcon
              title={`${late.length} 个机关逾期：${late.map((o) => o.organName).join('、')}`}
              description={`年度报告应于${data.deadline}前发布。`}
            />
          )}
          <Card size="small" title="各机关年度报告情况">
            {data.organs.length === 0 ? (
              <EmptyState description="本级政府下没有机关" />
            ) : (
              <Table
                size="small"
                rowKey="organId"
                dataSource={[...data.organs]}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                rowClassName={(o) => (o.status === 'late' ? 'supervision-late' : '')}
                columns={[
                  {
                    title: '机关',
                    dataIndex: 'organName',
                    render: (name: string, o) => (
                      <Button type="link" style={{ padding: 0 }} onClick={() => setOrgan(o)}>
                        {name}
                      </Button>
                    ),
                  },
                  {
                    title: '状态',
                    dataIndex: 'status',
                    width: 140,
                    render: (status: SupervisionStatus, o) => (
                      <Space size={4}>
                        <StatusTag status={status} />
                        {status === 'late' && o.reportStatus !== 'published' && (
                          <Tag>{STATUS_LABELS[o.reportStatus]}</Tag>
                        )}
                      </Space>
                    ),
                  },
                  { title: '发布日期', dataIndex: 'publishedOn', width: 110, render: (d: string | null) => d ?? '—' },
                  {
                    title: '检查发现（错误/警告/提示）',
                    key: 'findings',
                    width: 210,
                    render: (_: unknown, o) => (
                      <Space size={4}>
                        <Tag color={o.findings.error ? 'red' : 'default'}>错误 {o.findings.error}</Tag>
                        <Tag color={o.findings.warning ? 'orange' : 'default'}>警告 {o.findings.warning}</Tag>
                        <Tag>提示 {o.findings.info}</Tag>
                      </Space>
                    ),
                  },
                  {
                    title: '本年收到申请',
                    key: 'received',
                    width: 110,
                    align: 'right',
                    render: (_: unknown, o) => o.applications.received,
                  },
                  {
                    title: '其中在办',
                    key: 'open',
                    width: 90,
                    align: 'right',
                    render: (_: unknown, o) => o.applications.open,
                  },
                  {
                    title: '操作',
                    key: 'action',
                    width: 90,
                    render: (_: unknown, o) => (
                      <Button size="small" onClick={() => setOrgan(o)} aria-label={`查看${o.organName}的报告`}>
                        查看报告
                      </Button>
                    ),
                  },
                ]}
              />
            )}
          </Card>
          <StatisticsCharts year={year} />
        </>
      ) : null}
      <OrganReportDrawer organ={organ} year={year} onClose={() => setOrgan(null)} />
    </Space>
  );
}
