import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSaveDocument } from './api.js';
import { fromDayjs, toDayjs } from './dates.js';
import { DOCUMENT_KIND_LABELS, options } from './labels.js';
import type { DocumentKind, RegisterDocument } from './types.js';

interface Values {
  kind: DocumentKind;
  number?: string;
  title: string;
  issuedOn: Dayjs;
  repealedOn?: Dayjs | null;
}

interface Props {
  readonly organId: number;
  /** The document edited; undefined to register a new one. */
  readonly document: RegisterDocument | undefined;
  /** Only the 废止日期 is asked for (登记废止). */
  readonly repealOnly?: boolean;
  readonly onClose: () => void;
}

/** Registers a 规章 or 行政规范性文件, edits one, or registers its repeal. */
export function DocumentForm({ organId, document, repealOnly = false, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveDocument(organId);
  const initial: Partial<Values> = document
    ? {
        kind: document.kind,
        ...(document.number ? { number: document.number } : {}),
        title: document.title,
        ...(document.issuedOn ? { issuedOn: toDayjs(document.issuedOn) } : {}),
        repealedOn: toDayjs(document.repealedOn) ?? null,
      }
    : { kind: 'normativeDoc' };

  const submit = async (values: Values) => {
    const number = values.number?.trim();
    const repealedOn = fromDayjs(values.repealedOn);
    try {
      await save.mutateAsync({
        ...(document ? { id: document.id } : {}),
        input: {
          kind: values.kind,
          ...(number ? { number } : {}),
          title: values.title.trim(),
          issuedOn: fromDayjs(values.issuedOn) as string,
          ...(repealedOn ? { repealedOn } : {}),
        },
      });
      message.success(repealOnly ? '已登记废止' : document ? '已保存' : '已登记');
      onClose();
    } catch (error) {
      message.error(error instanceof Error ? error.message : '保存失败');
    }
  };

  return (
    <Modal
      open
      title={repealOnly ? `登记废止：${document?.title ?? ''}` : document ? '修改文件登记' : '登记文件'}
      okText="保存"
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]} hidden={repealOnly}>
          <Select options={options(DOCUMENT_KIND_LABELS)} />
        </Form.Item>
        <Form.Item name="number" label="文号" hidden={repealOnly}>
          <Input maxLength={100} placeholder="如 相应急〔2026〕3号" />
        </Form.Item>
        <Form.Item
          name="title"
          label="标题"
          hidden={repealOnly}
          rules={[{ required: true, min: 2, whitespace: true, message: '请填写标题（至少 2 个字）' }]}
        >
          <Input.TextArea autoSize maxLength={300} />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label="制发日期"
          hidden={repealOnly}
          rules={[{ required: true, message: '请选择制发日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="repealedOn"
          label="废止日期"
          rules={repealOnly ? [{ required: true, message: '请选择废止日期' }] : []}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
