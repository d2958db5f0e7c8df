import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSaveReview } from './api.js';
import { fromDayjs, toDayjs } from './dates.js';
import { REVIEW_KIND_LABELS, REVIEW_RESULT_LABELS, options } from './labels.js';
import type { ReviewCase, ReviewInput, ReviewKind, ReviewResult } from './types.js';

interface Values {
  kind: ReviewKind;
  caseNo: string;
  applicationId?: number | null;
  filedOn: Dayjs;
  concludedOn?: Dayjs | null;
  result?: ReviewResult | null;
  note?: string;
}

interface Props {
  readonly organId: number;
  readonly review: ReviewCase | undefined;
  readonly onClose: () => void;
}

/** The form's values for a case being changed, or the defaults of a new one. */
function initialValues(review: ReviewCase | undefined): Partial<Values> {
  if (!review) return { kind: 'review' };
  return {
    kind: review.kind,
    caseNo: review.caseNo,
    applicationId: review.applicationId,
    ...(review.filedOn ? { filedOn: toDayjs(review.filedOn) } : {}),
    concludedOn: toDayjs(review.concludedOn) ?? null,
    result: review.result,
    note: review.note ?? '',
  };
}

/** The request body from the form's values: blanks left out or null, text trimmed. */
function toInput(values: Values): ReviewInput {
  const concludedOn = fromDayjs(values.concludedOn);
  return {
    kind: values.kind,
    caseNo: values.caseNo.trim(),
    applicationId: values.applicationId ?? null,
    filedOn: fromDayjs(values.filedOn) as string,
    ...(concludedOn ? { concludedOn } : {}),
    ...(values.result ? { result: values.result } : {}),
    note: values.note?.trim() ? values.note.trim() : null,
  };
}

/** Registers a 行政复议 or 行政诉讼 case, or its conclusion (审结日期 and 结果 go together). */
export function ReviewForm({ organId, review, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveReview(organId);

  const submit = async (values: Values) => {
    try {
      await save.mutateAsync({
        ...(review ? { id: review.id } : {}),
        input: toInput(values),
      });
      message.success(review ? '已保存' : '已登记');
      onClose();
    } catch (error) {
      message.error(error instanceof Error ? error.message : '保存失败');
    }
  };

  return (
    <Modal
      open
      title={review ? `修改案件 ${review.caseNo}` : '登记复议诉讼案件'}
      okText="保存"
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues(review)} onFinish={submit}>
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <Select options={options(REVIEW_KIND_LABELS)} />
        </Form.Item>
        <Form.Item name="caseNo" label="案号" rules={[{ required: true, whitespace: true, message: '请填写案号' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="filedOn" label="收案日期" rules={[{ required: true, message: '请选择收案日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="concludedOn" label="审结日期" extra="未审结的不填；审结的须同时选择结果">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="result"
          label="结果"
          dependencies={['concludedOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                Boolean(getFieldValue('concludedOn')) === Boolean(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error('已审结的案件须选择结果，未审结的不选结果')),
            }),
          ]}
        >
          <Select allowClear options={options(REVIEW_RESULT_LABELS)} />
        </Form.Item>
        <Form.Item name="applicationId" label="关联申请（系统编号，可不填）">
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea autoSize maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
