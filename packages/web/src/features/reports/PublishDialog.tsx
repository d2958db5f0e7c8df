import { Alert, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ReportState } from './types.js';

/** The totals a reviewer checks before publishing, as the report prints their names. */
const KEY_TOTALS: readonly { cellId: string; label: string }[] = [
  { cellId: 's3.new.total', label: '本年新收政府信息公开申请' },
  { cellId: 's3.carriedIn.total', label: '上年结转政府信息公开申请' },
  { cellId: 's3.total.total', label: '本年度办理结果总计' },
  { cellId: 's3.carriedOut.total', label: '结转下年度继续办理' },
  { cellId: 's4.review.total', label: '行政复议' },
  { cellId: 's4.suit.total', label: '行政诉讼（未经复议直接起诉）' },
  { cellId: 's4.suitAfterReview.total', label: '行政诉讼（复议后起诉）' },
];

interface Props {
  readonly state: ReportState;
  readonly open: boolean;
  readonly publishing: boolean;
  readonly onCancel: () => void;
  readonly onPublish: (reason: string | undefined) => void;
}

/**
 * 发布年度报告: what is about to be made public, said before it is: the organ, the year, the key
 * totals, the three files and that the version is frozen; before the year has ended, the reason
 * for publishing early (kept in the audit log).
 */
export function PublishDialog({ state, open, publishing, onCancel, onPublish }: Props) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const report = state.report;
  if (!report) return null;
  const early = !state.yearEnded;
  const missingReason = early && reason.trim() === '';
  const submit = () => {
    setTouched(true);
    if (missingReason) return;
    onPublish(early ? reason.trim() : undefined);
  };
  return (
    <Modal
      open={open}
      title={`发布${state.year}年度政府信息公开工作年度报告`}
      okText="确认发布"
      cancelText="取消"
      okButtonProps={{ danger: early, loading: publishing }}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
      width={560}
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="报告机关">{report.meta.agency}</Descriptions.Item>
        <Descriptions.Item label="报告年度">{state.year}年度</Descriptions.Item>
        {KEY_TOTALS.filter(({ cellId }) => cellId in report.cells).map(({ cellId, label }) => (
          <Descriptions.Item key={cellId} label={label}>
            {report.cells[cellId] ?? '（空）'}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Typography.Paragraph>
        发布后，报告的 DOCX、PDF、HTML
        三种文件即向社会公开，任何人无须登录即可下载；本版本随即冻结，文字部分不能再修改。
      </Typography.Paragraph>
      {early && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${state.year}年度尚未结束（今天是 ${state.today}）`}
            description={`年度报告通常在${state.year + 1}年1月1日以后发布。确需提前发布的，须说明理由，理由记入审计日志。`}
          />
          <Form layout="vertical">
            <Form.Item
              label="提前发布的理由"
              required
              validateStatus={touched && missingReason ? 'error' : ''}
              help={touched && missingReason ? '请填写提前发布的理由' : undefined}
            >
              <Input.TextArea
                aria-label="提前发布的理由"
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={500}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
