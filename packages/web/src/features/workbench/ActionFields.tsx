import {
  ANSWER_OUTCOMES,
  FEE_METHOD_LABELS,
  FEE_METHODS,
  feeBreakdown,
  OUTCOME_LABELS,
  type CaseActionType,
  type FeeMethod,
  type Outcome,
} from '@xxgk/core';
import { DatePicker, Form, Input, InputNumber, Select, Typography, type FormInstance } from 'antd';
import type { ActionValues } from './actionValues.js';
import { ApproveAnswerFields, DraftAnswerFields } from './AnswerFields.js';
import type { CaseDetail } from './types.js';

const OUTCOME_GROUPS: readonly { label: string; prefix: string }[] = [
  { label: '予以公开', prefix: 'granted' },
  { label: '部分公开', prefix: 'partial' },
  { label: '不予公开', prefix: 'denied.' },
  { label: '无法提供', prefix: 'unable.' },
  { label: '不予处理', prefix: 'rejected.' },
  { label: '其他处理', prefix: 'other.' },
];

/** The outcomes an answer may have, grouped as the rows of the annual report's section 三. */
const outcomeOptions = OUTCOME_GROUPS.map((group) => ({
  label: group.label,
  options: ANSWER_OUTCOMES.filter((o) => o.startsWith(group.prefix)).map((o: Outcome) => ({
    value: o,
    label: OUTCOME_LABELS[o],
  })),
}));

function FeePreview({ form }: { form: FormInstance<ActionValues> }) {
  const method = Form.useWatch('method', form) as FeeMethod | undefined;
  const quantity = Form.useWatch('quantity', form) as number | undefined;
  if (!method || !quantity || !Number.isInteger(quantity) || quantity < 1) return null;
  const breakdown = feeBreakdown(method, quantity);
  return (
    <div role="status" aria-live="polite" style={{ marginBottom: 16 }}>
      <Typography.Text strong>信息处理费：{breakdown.total} 元</Typography.Text>
      <div style={{ color: '#666' }}>{breakdown.text}</div>
    </div>
  );
}

/** A fee notice: how the fee is counted, how much, and the fee it comes to. */
function FeeNoticeFields({ form }: { form: FormInstance<ActionValues> }) {
  return (
    <>
      <Form.Item name="method" label="计收方式" rules={[{ required: true }]}>
        <Select options={FEE_METHODS.map((m) => ({ value: m, label: FEE_METHOD_LABELS[m] }))} />
      </Form.Item>
      <Form.Item
        name="quantity"
        label="数量（按件：本月第几件申请；按量：页数）"
        rules={[{ required: true, message: '请填写数量' }]}
      >
        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <FeePreview form={form} />
    </>
  );
}

/** An extension: how many working days more, and why. */
function ExtensionFields() {
  return (
    <>
      <Form.Item name="days" label="延长的工作日（1–20）" rules={[{ required: true, message: '请填写延长天数' }]}>
        <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label="延期理由"
        rules={[{ required: true, whitespace: true, message: '请填写延期理由' }, { max: 2000 }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}

const noteRule = [{ required: true, whitespace: true, message: '请填写说明' }, { max: 2000 }];

/** The fields an action has besides its date. */
export function ActionFields({
  type,
  form,
  detail,
}: {
  type: CaseActionType;
  form: FormInstance<ActionValues>;
  detail?: CaseDetail;
}) {
  switch (type) {
    case 'requestCorrection':
      return (
        <>
          <Form.Item name="dueOn" label="补正期限（可不填，默认 15 个工作日）">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label="需要补正的事项" rules={noteRule}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'startConsultation':
      return (
        <>
          <Form.Item name="thirdParty" label="征求意见对象" rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="note" label="征求意见的事项" rules={noteRule}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'sendFeeNotice':
      return <FeeNoticeFields form={form} />;
    case 'requestExtension':
      return <ExtensionFields />;
    case 'draftAnswer':
      return <DraftAnswerFields outcomeOptions={outcomeOptions} detail={detail} form={form} />;
    case 'approveAnswer':
      return <ApproveAnswerFields />;
    case 'returnAnswer':
      return (
        <Form.Item name="note" label="退回意见（审批意见）" rules={noteRule}>
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    case 'withdraw':
      return (
        <Form.Item name="note" label="撤回情况说明" rules={noteRule}>
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    default:
      return null;
  }
}
