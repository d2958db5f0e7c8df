import { Card, Col, Row, Statistic } from 'antd';
import type { KeyboardEvent } from 'react';
import { ErrorState } from '../../components/PageState.js';
import { useDashboard } from './queries.js';
import { queueLabel } from './queues.js';
import type { CaseQueue } from './types.js';
import './workbench.css';

/** The cards, in the order an officer reads them, with the colour each count takes when not zero. */
const CARDS: readonly { queue: CaseQueue; color?: string }[] = [
  { queue: 'open' },
  { queue: 'dueSoon', color: '#d46b08' },
  { queue: 'overdue', color: '#cf1322' },
  { queue: 'awaitingReview', color: '#1677ff' },
  { queue: 'paused', color: '#595959' },
];

interface Props {
  readonly organId: number;
  /** The card whose cases the list shows, if any. */
  readonly selected: CaseQueue | undefined;
  /** Called with the card pressed; pressing the selected card again clears the filter. */
  readonly onSelect: (queue: CaseQueue | undefined) => void;
}

/** The five counts an officer starts the day with; each card filters the list to what it counts. */
export function DashboardCards({ organId, selected, onSelect }: Props) {
  const dashboard = useDashboard(organId);
  if (dashboard.error) return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  const toggle = (queue: CaseQueue) => onSelect(queue === selected ? undefined : queue);
  // A div with the button role behaves as a button: Enter and Space press it, as they do a <button>.
  const onKeyDown = (queue: CaseQueue) => (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    toggle(queue);
  };
  return (
    <Row gutter={12} role="list" aria-label="办理情况统计（点击筛选申请列表）">
      {CARDS.map(({ queue, color }) => {
        const value = d?.[queue];
        return (
          <Col key={queue} flex="1 1 0" role="listitem">
            <Card
              size="small"
              loading={dashboard.isLoading}
              className="dashboard-card"
              role="button"
              tabIndex={0}
              aria-pressed={selected === queue}
              onClick={() => toggle(queue)}
              onKeyDown={onKeyDown(queue)}
            >
              <Statistic
                title={queueLabel(queue, d?.soon)}
                value={value ?? 0}
                suffix="件"
                styles={{ content: color && value ? { color } : {} }}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
