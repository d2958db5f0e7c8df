import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState, Loading } from '../../components/PageState.js';
import { useSession } from '../auth/session.js';
import { ApplicantCard } from './ApplicantCard.js';
import { AttachmentsCard } from './AttachmentsCard.js';
import { AuditCard } from './AuditCard.js';
import { CaseActions } from './CaseActions.js';
import { CaseHeader } from './CaseHeader.js';
import { CaseTimeline } from './CaseTimeline.js';
import { LettersCard } from './LettersCard.js';
import { TransferCard } from './TransferCard.js';
import { useCase, useServerToday } from './queries.js';

/** One application: where it stands, what happened, and what may lawfully be done next. */
export function CasePage() {
  const { user } = useSession();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const detail = useCase(id);
  const today = useServerToday(user?.organId ?? 0);
  if (!user) return null;
  if (!Number.isInteger(id) || id <= 0) return <ErrorState error={new Error('申请编号不正确')} />;
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Link to="/workbench">
          <ArrowLeftOutlined /> 返回申请列表
        </Link>
        <Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/cases?ids=${id}`)}>
          打印（登记表、审批表、答复书）
        </Button>
      </Space>
      {detail.isLoading ? (
        <Loading />
      ) : detail.error || !detail.data ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <>
          <CaseHeader detail={detail.data} />
          <Row gutter={16}>
            <Col span={14}>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <CaseActions detail={detail.data} today={today} />
                <TransferCard key={detail.data.version} id={id} organId={detail.data.organId} />
                <LettersCard detail={detail.data} />
                <ApplicantCard detail={detail.data} />
                <AttachmentsCard
                  detail={detail.data}
                  canUpload={
                    (user.role === 'officer' || user.role === 'reviewer') && user.organId === detail.data.organId
                  }
                />
              </Space>
            </Col>
            <Col span={10}>
              <Card title="办理过程" size="small">
                <CaseTimeline events={detail.data.events} />
              </Card>
            </Col>
          </Row>
          <AuditCard id={id} key={detail.data.version} />
        </>
      )}
    </Space>
  );
}
