import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session.js';
import { ApplicationsTable } from './ApplicationsTable.js';
import { DashboardCards } from './DashboardCards.js';
import { IntakeDrawer } from './IntakeDrawer.js';
import { OrganWorkloadCard } from '../workload/OrganWorkloadCard.js';
import { dashboardKey } from './queries.js';
import { queueFromParam } from './queues.js';
import type { CaseQueue } from './types.js';

/**
 * The dashboard card the list is filtered by, kept in the address (?queue=overdue) so that a
 * reload, a shared link and the back button keep it.
 */
function useQueueParam(organId: number) {
  const [params, setParams] = useSearchParams();
  const client = useQueryClient();
  const queue = queueFromParam(params.get('queue'));
  const setQueue = (next: CaseQueue | undefined) => {
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (next) updated.set('queue', next);
      else updated.delete('queue');
      return updated;
    });
    // The card's count is read again with the list it opens, so the two are of the same moment.
    void client.invalidateQueries({ queryKey: dashboardKey(organId) });
  };
  return [queue, setQueue] as const;
}

/** The officer's start page: the counts, then the open applications by due date. */
export function WorkbenchHome() {
  const { user } = useSession();
  const [intakeOpen, setIntakeOpen] = useState(false);
  const [queue, setQueue] = useQueueParam(user?.organId ?? 0);
  if (!user) return null;
  const canIntake = user.role === 'officer' || user.role === 'reviewer';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          依申请公开
        </Typography.Title>
        {canIntake && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntakeOpen(true)}>
            登记申请
          </Button>
        )}
      </Space>
      <DashboardCards organId={user.organId} selected={queue} onSelect={setQueue} />
      <Card title="申请列表（按答复期限排序）" size="small">
        {/* A new card starts the list afresh: its total is then the card's count. */}
        <ApplicationsTable
          key={queue ?? ''}
          organId={user.organId}
          queue={queue}
          onClearQueue={() => setQueue(undefined)}
        />
      </Card>
      <OrganWorkloadCard organId={user.organId} />
      {canIntake && <IntakeDrawer organId={user.organId} open={intakeOpen} onClose={() => setIntakeOpen(false)} />}
    </Space>
  );
}
