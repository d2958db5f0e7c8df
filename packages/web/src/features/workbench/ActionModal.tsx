import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ACTION_LABELS, type CaseActionType, type FeeMethod } from '@xxgk/core';
import { Alert, App, Button, DatePicker, Form, Modal } from 'antd';
import { ApiError, api, unwrap } from '../../api/client.js';
import { ActionFields } from './ActionFields.js';
import type { ActionBody, ActionValues, AnswerOutcome } from './actionValues.js';
import { fromIso, ISO } from './format.js';
import { caseKey } from './queries.js';
import type { CaseDetail } from './types.js';

/** Every move but 转办, which has its own form (TransferModal) and endpoint. */
export type FormAction = Exclude<CaseActionType, 'transfer'>;

/** The request body of an action from the form's values; the server checks it again. */
function toAction(type: FormAction, v: ActionValues): ActionBody {
  const on = v.on.format(ISO);
  const note = v.note?.trim() ?? '';
  switch (type) {
    case 'requestCorrection':
      return { type, on, note, ...(v.dueOn ? { dueOn: v.dueOn.format(ISO) } : {}) };
    case 'startConsultation':
      return { type, on, note, ...(v.thirdParty?.trim() ? { thirdParty: v.thirdParty.trim() } : {}) };
    case 'sendFeeNotice':
      return { type, on, method: v.method as FeeMethod, quantity: v.quantity as number };
    case 'requestExtension':
      return { type, on, days: v.days as number, reason: v.reason?.trim() ?? '' };
    case 'draftAnswer':
      return { type, on, outcome: v.outcome as AnswerOutcome, ...(v.body?.trim() ? { body: v.body.trim() } : {}) };
    case 'approveAnswer':
      return { type, on, ...(v.opinion?.trim() ? { opinion: v.opinion.trim() } : {}) };
    case 'returnAnswer':
    case 'withdraw':
      return { type, on, note };
    default:
      return { type, on };
  }
}

/** Why the action was not done; when someone else changed the case first, a way to reload it. */
function ActionError({ error, onReload }: { error: Error; onReload: () => Promise<void> }) {
  const conflict = error instanceof ApiError && error.status === 409;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={conflict ? '该申请已被他人修改' : '操作未完成'}
      description={error.message}
      action={
        conflict ? (
          <Button size="small" onClick={() => void onReload()}>
            重新加载
          </Button>
        ) : undefined
      }
    />
  );
}

/** One action on the case: a small form for its fields, sent with the version the page read. */
export function ActionModal({
  detail,
  type,
  today,
  onClose,
}: {
  detail: CaseDetail;
  type: FormAction;
  today: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ActionValues>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const act = useMutation({
    mutationFn: async (values: ActionValues) =>
      unwrap(
        api.POST('/api/applications/{id}/actions', {
          params: { path: { id: detail.id } },
          body: { version: detail.version, action: toAction(type, values) },
        }),
      ),
    onSuccess: async (next) => {
      client.setQueryData(caseKey(detail.id), next);
      await client.invalidateQueries({ queryKey: ['workbench'] });
      message.success(`已${ACTION_LABELS[type]}`);
      onClose();
    },
  });
  return (
    <Modal
      open
      title={ACTION_LABELS[type]}
      onCancel={onClose}
      okText="确定"
      cancelText="取消"
      confirmLoading={act.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      width={560}
    >
      {act.error && (
        <ActionError
          error={act.error}
          onReload={async () => {
            await client.invalidateQueries({ queryKey: caseKey(detail.id) });
            onClose();
          }}
        />
      )}
      <Form<ActionValues>
        form={form}
        layout="vertical"
        initialValues={{
          on: fromIso(today),
          method: 'perPage',
          quantity: 1,
          // A returned draft is written again from the last text.
          ...(type === 'draftAnswer' && detail.answerBody ? { body: detail.answerBody } : {}),
        }}
        onFinish={(values) => act.mutate(values)}
      >
        <Form.Item name="on" label="办理日期" rules={[{ required: true, message: '请选择办理日期' }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(day) => day.format(ISO) > today} />
        </Form.Item>
        <ActionFields type={type} form={form} detail={detail} />
      </Form>
    </Modal>
  );
}
