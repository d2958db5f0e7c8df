import { cellName } from '@xxgk/core';
import { Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import type { Correction } from './types.js';

interface Props {
  readonly cellId: string | null;
  readonly current: number | null;
  onCancel(): void;
  onSave(correction: Correction): void;
}

interface Values {
  value: number | null;
  reason: string;
}

/** 修改 a misread cell by hand; the reason is required and kept with the correction. */
export function CorrectionModal({ cellId, current, onCancel, onSave }: Props) {
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (cellId) form.setFieldsValue({ value: current, reason: '' });
  }, [cellId, current, form]);
  return (
    <Modal
      open={cellId !== null}
      title="人工更正单元格"
      okText="确定更正"
      cancelText="取消"
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {cellId && (
        <Typography.Paragraph type="secondary">
          {cellName(cellId)}。读出的值为 {current ?? '空白'}。
        </Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => cellId && onSave({ cellId, value: values.value ?? null, reason: values.reason.trim() })}
      >
        <Form.Item label="正确的值" name="value" extra="留空表示原文此格空白">
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label="更正理由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请填写更正理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder="例如：原文第3页表格此格为 12，读取时误读为 1" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
