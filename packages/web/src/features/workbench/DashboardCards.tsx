import { Card, Col, Row, Statistic } from 'antd';
import { ErrorState } from '../../components/PageState.js';
import { useDashboard } from './queries.js';

/** The five counts an officer starts the day with. */
export function DashboardCards({ organId }: { organId: number }) {
  const dashboard = useDashboard(organId);
  if (dashboard.error) return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  const cards = [
    { key: 'open', title: '在办', value: d?.open, color: undefined },
    { key: 'dueSoon', title: `${d?.soon ?? 3}个工作日内到期`, value: d?.dueSoon, color: '#d46b08' },
    { key: 'overdue', title: '已逾期', value: d?.overdue, color: '#cf1322' },
    { key: 'awaitingReview', title: '待审核', value: d?.awaitingReview, color: '#1677ff' },
    { key: 'paused', title: '暂停计时', value: d?.paused, color: '#595959' },
  ];
  return (
    <Row gutter={12} role="list" aria-label="办理情况统计">
      {cards.map((card) => (
        <Col key={card.key} flex="1 1 0" role="listitem">
          <Card size="small" loading={dashboard.isLoading}>
            <Statistic
              title={card.title}
              value={card.value ?? 0}
              suffix="件"
              styles={{ content: card.color && card.value ? { color: card.color } : {} }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
