import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Row, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { download } from '../../api/client.js';
import { answerPath } from './api.js';
import { ProvisionalDate } from './ProvisionalDate.js';
import type { PortalStatus } from './types.js';

const STATUS_COLOURS: Record<string, string> = {
  inProgress: 'processing',
  awaitingCorrection: 'warning',
  consulting: 'purple',
  awaitingFee: 'warning',
  answerPending: 'processing',
  closed: 'success',
};

/** The application's particulars, its state and its due date. */
function ApplicationDetails({ status }: { status: PortalStatus }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 130 } }}
      items={[
        { key: 'serial', label: '申请编号', children: status.serialNo },
        { key: 'organ', label: '受理机关', children: status.organName },
        { key: 'applicant', label: '申请人', children: `${status.applicantName}（${status.applicantKind}）` },
        { key: 'request', label: '所需政府信息', children: status.request },
        { key: 'received', label: '收到申请日期', children: status.receivedOn },
        {
          key: 'status',
          label: '办理状态',
          children: <Tag color={STATUS_COLOURS[status.status] ?? 'default'}>{status.statusLabel}</Tag>,
        },
        {
          key: 'due',
          label: '答复期限',
          children:
            status.status === 'closed' ? (
              `已于 ${status.closedOn ?? ''} 办结`
            ) : status.dueOn ? (
              <ProvisionalDate date={status.dueOn} provisional={status.dueProvisional} />
            ) : status.paused ? (
              '暂停计算（待补正、征求意见或缴费）'
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

/** Each public step of the case, dated; 补正 and the approved answer stand out. */
function Steps({ steps }: { steps: PortalStatus['steps'] }) {
  return (
    <Timeline
      items={steps.map((step, index) => ({
        key: `${step.type}-${index}`,
        color: step.type === 'approveAnswer' ? 'green' : step.type === 'requestCorrection' ? 'orange' : 'blue',
        content: (
          <div>
            <Typography.Text type="secondary" style={{ marginRight: 8 }}>
              {step.on}
            </Typography.Text>
            <Typography.Text strong>{step.title}</Typography.Text>
            {step.detail && <div style={{ color: '#555' }}>{step.detail}</div>}
            {step.dueOn && (
              <div style={{ color: '#888', fontSize: 12 }}>
                答复期限：{step.dueOn}
                {step.dueProvisional ? '（暂定）' : ''}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

/** One application as its applicant sees it: where it stands, what is asked of them, and each public step. */
export function StatusView({ code, status }: { code: string; status: PortalStatus }) {
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  async function downloadAnswer() {
    setDownloading(true);
    try {
      await download(answerPath(code), `${status.serialNo}答复书.docx`);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : '下载失败');
    } finally {
      setDownloading(false);
    }
  }
  return (
    <Row gutter={20} align="top">
      <Col span={13}>
        <Card title="申请信息">
          {status.correction && (
            <Alert
              type="warning"
              showIcon
              title={`请于 ${status.correction.dueOn} 前补正申请`}
              description={`需要补正的内容：${status.correction.items}。补正后，答复期限自收到补正后的申请之日起重新计算。`}
              style={{ marginBottom: 16 }}
            />
          )}
          {status.fee && !status.fee.paid && status.status === 'awaitingFee' && (
            <Alert
              type="warning"
              showIcon
              title={`请于 ${status.fee.dueOn} 前缴纳信息处理费 ${status.fee.amount} 元`}
              description="缴费前不计算答复期限；逾期未缴纳的，视为放弃申请。"
              style={{ marginBottom: 16 }}
            />
          )}
          {status.outcomeLabel && (
            <Alert
              type="success"
              showIcon
              title={`已于 ${status.closedOn ?? ''} 作出答复：${status.outcomeLabel}`}
              action={
                status.answerAvailable ? (
                  <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void downloadAnswer()}>
                    下载答复书
                  </Button>
                ) : undefined
              }
              style={{ marginBottom: 16 }}
            />
          )}
          <ApplicationDetails status={status} />
        </Card>
      </Col>
      <Col span={11}>
        <Card title="办理过程">
          <Steps steps={status.steps} />
        </Card>
      </Col>
    </Row>
  );
}
