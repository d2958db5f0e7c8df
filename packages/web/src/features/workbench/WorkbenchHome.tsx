import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../auth/session.js';
import { ApplicationsTable } from './ApplicationsTable.js';
import { DashboardCards } from './DashboardCards.js';
import { IntakeDrawer } from './IntakeDrawer.js';

/** The officer's start page: the counts, then the open applications by due date. */
export function WorkbenchHome() {
  const { user } = useSession();
  const [intakeOpen, setIntakeOpen] = useState(false);
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
      <DashboardCards organId={user.organId} />
      <Card title="申请列表（按答复期限排序）" size="small">
        <ApplicationsTable organId={user.organId} />
      </Card>
      {canIntake && <IntakeDrawer organId={user.organId} open={intakeOpen} onClose={() => setIntakeOpen(false)} />}
    </Space>
  );
}
