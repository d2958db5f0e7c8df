import { APPLICANT_KIND_LABELS, CHANNEL_LABELS, OUTCOME_LABELS } from '@xxgk/core';
import { PROVISIONAL_NOTE } from '@xxgk/core';
import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { DaysLeft } from './DaysLeft.js';
import { dueMovedText, ProvisionalTag } from './Provisional.js';
import { chineseDate } from './format.js';
import { StatusTag } from './StatusTag.js';
import type { CaseDetail } from './types.js';

/** Why the clock stands still, in the statute's words. */
function pauseReason(detail: CaseDetail): string | null {
  const d = detail.deadline;
  if (!d?.paused) return null;
  switch (detail.status) {
    case 'awaitingCorrection':
      return `等待申请人补正（补正期限 ${chineseDate(d.correctionDueOn)}），收到补正申请之日起重新计算答复期限`;
    case 'consulting':
      return `征求第三方意见（意见期限 ${chineseDate(d.consultationDueOn)}），征求意见所需时间不计入答复期限`;
    case 'awaitingFee':
      return `等待申请人缴纳信息处理费（缴费期限 ${chineseDate(d.feeDueOn)}），缴费前不计入答复期限`;
    default:
      return '答复期限暂停计算';
  }
}

export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const d = detail.deadline;
  const paused = pauseReason(detail);
  const extension = detail.state.extension;
  const closed = detail.status === 'closed';
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {detail.serialNo}
          </Typography.Title>
          <StatusTag status={detail.status} />
        </Space>
        {detail.calendarWarning && <Alert type="warning" showIcon title={detail.calendarWarning} />}
        {paused && <Alert type="info" showIcon title={`暂停计时：${paused}`} />}
        {!closed && d?.provisional && (
          <Alert type="warning" showIcon title={PROVISIONAL_NOTE} data-testid="provisional-note" />
        )}
        {detail.dueMoved && (
          <Alert
            type="info"
            showIcon
            title={dueMovedText(detail.dueMoved, detail.dueOn)}
            data-testid="due-moved-note"
          />
        )}
        {extension && !extension.approvedOn && !extension.rejectedOn && (
          <Alert type="warning" showIcon title={`已申请延期 ${extension.days} 个工作日，待审核人批准`} />
        )}
        <Descriptions size="small" column={4} bordered>
          <Descriptions.Item label="答复期限">
            <span data-testid="due-on">{d?.dueOn ? chineseDate(d.dueOn) : paused ? '暂停计时' : '—'}</span>
            {!closed && d?.dueOn && d.provisional && <ProvisionalTag />}
          </Descriptions.Item>
          <Descriptions.Item label="剩余工作日">
            {closed ? (
              `${chineseDate(detail.closedOn)}办结${d?.answeredLate ? '（逾期答复）' : ''}`
            ) : (
              <DaysLeft days={d?.workingDaysLeft ?? null} overdue={d?.overdue ?? false} paused={Boolean(paused)} />
            )}
          </Descriptions.Item>
          <Descriptions.Item label="期限构成">
            {d
              ? `${d.baseDays} 个工作日${d.extensionDays ? ` + 延期 ${d.extensionDays} 个工作日` : ''}${
                  d.pausedWorkingDays ? `，暂停 ${d.pausedWorkingDays} 个工作日` : ''
                }`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="办理结果">
            {detail.outcome
              ? OUTCOME_LABELS[detail.outcome]
              : detail.state.answer
                ? `拟：${OUTCOME_LABELS[detail.state.answer.outcome]}`
                : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="申请人">
            {detail.applicantName}（{APPLICANT_KIND_LABELS[detail.applicantKind]}）
          </Descriptions.Item>
          <Descriptions.Item label="申请渠道">{CHANNEL_LABELS[detail.channel]}</Descriptions.Item>
          <Descriptions.Item label="提交日期">{chineseDate(detail.submittedOn)}</Descriptions.Item>
          <Descriptions.Item label="收到申请日期">{chineseDate(detail.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label="承办人">{detail.assignee?.name ?? '未分派'}</Descriptions.Item>
          <Descriptions.Item label="申请内容" span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{detail.request}</span>
          </Descriptions.Item>
        </Descriptions>
      </Space>
    </Card>
  );
}
