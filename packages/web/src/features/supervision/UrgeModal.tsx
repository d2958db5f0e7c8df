import { useMutation, useQueryClient } from '@tanstack/react-query';
import { urgeReasonText, URGE_REASONS, type UrgeReason } from '@xxgk/core';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { api, unwrap } from '../../api/client.js';

interface UrgeValues {
  reason: UrgeReason;
  message: string;
}

/** 催办 to one late organ: its annual report of `year`, or its cases past their due date. */
export function UrgeModal({
  organ,
  year,
  onClose,
}: {
  organ: { organId: number; organName: string };
  year: number;
  onClose(): void;
}) {
  const [form] = Form.useForm<UrgeValues>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const send = useMutation({
    mutationFn: (v: UrgeValues) =>
      unwrap(
        api.POST('/api/urges', {
          body: {
            organId: organ.organId,
            reason: v.reason,
            message: v.message.trim(),
            ...(v.reason === 'lateReport' ? { year } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['supervision', 'urges'] });
      message.success(`已向${organ.organName}催办`);
      onClose();
    },
  });
  return (
    <Modal
      open
      title={`催办：${organ.organName}`}
      okText="发送催办"
      cancelText="取消"
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
    >
      {send.error && <Alert type="error" showIcon title={send.error.message} style={{ marginBottom: 12 }} />}
      <Form<UrgeValues>
        form={form}
        layout="vertical"
        initialValues={{
          reason: 'lateReport',
          message: `请尽快发布${year}年度政府信息公开工作年度报告，并说明逾期原因。`,
        }}
        onFinish={(values) => send.mutate(values)}
      >
        <Form.Item name="reason" label="催办事由">
          <Radio.Group
            options={URGE_REASONS.map((reason) => ({ value: reason, label: urgeReasonText(reason, year) }))}
          />
        </Form.Item>
        <Form.Item
          name="message"
          label="催办内容"
          rules={[{ required: true, whitespace: true, message: '请填写催办内容' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
