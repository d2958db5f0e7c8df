import { useQuery } from '@tanstack/react-query';
import { SUPERVISION_STATUS_LABELS } from '@xxgk/core';
import { Alert, Card, Col, Radio, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session.js';
import { SupervisionWorkloadCard } from '../workload/SupervisionWorkloadCard.js';
import { ErrorState, Loading } from '../../components/PageState.js';
import { supervisionYear } from './api.js';
import { OrganReportDrawer } from './OrganReportDrawer.js';
import { OrganTable } from './OrganTable.js';
import { StatisticsCharts } from './StatisticsCharts.js';
import { UrgeModal } from './UrgeModal.js';
import { UrgesCard } from './UrgesCard.js';
import type { SupervisionOrgan, SupervisionStatus } from './types.js';
import './supervision.css';

const STATUSES: readonly SupervisionStatus[] = ['published', 'draft', 'notStarted', 'late'];
/** How many late organs the alert names; the rest are a click away in the table's 逾期 filter. */
const LATE_NAMED = 10;

function lateTitle(names: readonly string[]): string {
  const named = names.slice(0, LATE_NAMED).join('、');
  return names.length > LATE_NAMED
    ? `${names.length} 个机关逾期：${named}等（下表选“逾期”可看全部）`
    : `${names.length} 个机关逾期：${named}`;
}

/**
 * The 政务公开办's dashboard: every organ's annual report of a year, who is late, and 依申请公开
 * figures. The totals and the late organs are complete; the table of organs pages on the server.
 */
export default function SupervisionArea() {
  const thisYear = new Date().getFullYear();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear - 1;
  const years = Array.from({ length: 6 }, (_, i) => thisYear - 5 + i);
  const [organ, setOrgan] = useState<SupervisionOrgan | null>(null);
  const [urging, setUrging] = useState<SupervisionOrgan | null>(null);
  const supervisor = useSession().user?.role === 'supervisor';
  const query = useQuery({ queryKey: ['supervision', year], queryFn: () => supervisionYear(year) });
  const data = query.data;
  const late = data?.late ?? [];

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
                    title={SUPERVISION_STATUS_LABELS[status]}
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
              title={lateTitle(late.map((o) => o.organName))}
              description={`年度报告应于${data.deadline}前发布。`}
            />
          )}
          <Card size="small" title="各机关年度报告情况">
            <OrganTable key={year} year={year} onOpen={setOrgan} {...(supervisor ? { onUrge: setUrging } : {})} />
          </Card>
          {supervisor && <UrgesCard />}
          <SupervisionWorkloadCard year={year} />
          <StatisticsCharts year={year} />
        </>
      ) : null}
      <OrganReportDrawer organ={organ} year={year} onClose={() => setOrgan(null)} />
      {urging && <UrgeModal organ={urging} year={year} onClose={() => setUrging(null)} />}
    </Space>
  );
}
