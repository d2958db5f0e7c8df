import { letterParagraphs, type Outcome } from '@xxgk/core';
import { Form, Input, Select, Typography, type FormInstance } from 'antd';
import type { ActionValues } from './actionValues.js';
import type { CaseDetail } from './types.js';

/**
 * What the 答复书 will say before and around the officer's words: the template's paragraphs for
 * the outcome, each citing its article of the 条例, so the officer writes only what is theirs.
 * Rendered by the core's letter model, the same the DOCX prints.
 */
function TemplatePreview({ detail, form }: { detail: CaseDetail; form: FormInstance<ActionValues> }) {
  const outcome = Form.useWatch('outcome', form) as Outcome | undefined;
  if (!outcome) return null;
  let paragraphs: string[];
  try {
    paragraphs = letterParagraphs({
      kind: 'answer',
      organ: { name: '本机关' },
      application: {
        serialNo: detail.serialNo,
        applicantName: detail.applicantName,
        receivedOn: detail.receivedOn,
        request: detail.request,
      },
      issuedOn: detail.receivedOn,
      outcome,
      // 其他处理 needs the officer's text; a placeholder shows where it goes.
      body: '（答复正文）',
    })
      .filter((p) => p.kind === 'body')
      .map((p) => p.text);
  } catch {
    return null;
  }
  return (
    <div role="note" aria-label="答复书模板" className="answer-template">
      <Typography.Text type="secondary">答复书按办理结果写明的段落（正文接在其后）：</Typography.Text>
      {paragraphs.map((text) => (
        <p key={text}>{text}</p>
      ))}
    </div>
  );
}

/** 拟写答复: the outcome and the letter's own words (what is provided, in what form, attachments). */
export function DraftAnswerFields({
  outcomeOptions,
  detail,
  form,
}: {
  outcomeOptions: { label: string; options: { value: string; label: string }[] }[];
  detail: CaseDetail | undefined;
  form: FormInstance<ActionValues>;
}) {
  return (
    <>
      <Form.Item name="outcome" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
        <Select options={outcomeOptions} showSearch={{ optionFilterProp: 'label' }} placeholder="请选择办理结果" />
      </Form.Item>
      {detail && <TemplatePreview detail={detail} form={form} />}
      <Form.Item
        name="body"
        label="答复正文（提供的信息、形式、附件等，一段一行）"
        rules={[{ max: 5000, message: '答复正文不能超过 5000 字' }]}
      >
        <Input.TextArea rows={5} placeholder="如：现向您提供《……》电子文本一份，以电子邮件方式发送。附件：……" />
      </Form.Item>
    </>
  );
}

/** 批准答复: the reviewer's 审批意见, kept on the approval form. */
export function ApproveAnswerFields() {
  return (
    <Form.Item name="opinion" label="审批意见" rules={[{ max: 2000 }]}>
      <Input.TextArea rows={3} placeholder="如：同意。" />
    </Form.Item>
  );
}
