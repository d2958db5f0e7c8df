import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client.js';
import { fromIso, ISO } from './format.js';
import type { CaseDetail } from './types.js';

interface TransferValues {
  on: Dayjs;
  where: 'platform' | 'outside';
  toOrganId?: number;
  organName?: string;
  note: string;
}

/** The organ responsible: one on the platform to hand the case to, or the name of another. */
function ReceivingOrgan({ where }: { where: TransferValues['where'] }) {
  const targets = useQuery({
    queryKey: ['workbench', 'transfer-targets'],
    queryFn: () => unwrap(api.GET('/api/transfer-targets')),
  });
  return where === 'platform' ? (
    <Form.Item name="toOrganId" label="接收机关" rules={[{ required: true, message: '请选择接收机关' }]}>
      <Select
        showSearch
        optionFilterProp="label"
        loading={targets.isLoading}
        placeholder="选择接收机关"
        options={(targets.data?.organs ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
    </Form.Item>
  ) : (
    <Form.Item
      name="organName"
      label="机关名称"
      rules={[{ required: true, whitespace: true, message: '请填写负责公开该信息的机关名称' }]}
    >
      <Input maxLength={200} placeholder="如：淮北市市场监督管理局" />
    </Form.Item>
  );
}

/**
 * 转办 (条例第三十六条第（五）项): the information is another organ's to disclose. On the platform the
 * case goes to that organ, whose period starts on its own receipt; otherwise the 告知书 names it.
 */
export function TransferModal({ detail, today, onClose }: { detail: CaseDetail; today: string; onClose(): void }) {
  const [form] = Form.useForm<TransferValues>();
  const where = Form.useWatch('where', form) ?? 'platform';
  const client = useQueryClient();
  const { message } = App.useApp();
  const send = useMutation({
    mutationFn: (v: TransferValues) =>
      unwrap(
        api.POST('/api/applications/{id}/transfer', {
          params: { path: { id: detail.id } },
          body: {
            version: detail.version,
            on: v.on.format(ISO),
            note: v.note.trim(),
            ...(v.where === 'platform' ? { toOrganId: v.toOrganId as number } : { organName: v.organName?.trim() }),
          },
        }),
      ),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: ['workbench'] });
      message.success(result.toSerialNo ? `已转办，接收机关文号 ${result.toSerialNo}` : '已转办并告知申请人');
      onClose();
    },
  });
  return (
    <Modal
      open
      title="转办（不属于本机关负责公开）"
      okText="确定转办"
      cancelText="取消"
      okButtonProps={{ danger: true }}
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={600}
    >
      <Typography.Paragraph type="secondary">
        依照条例第三十六条第（五）项，本申请在本机关办结（按“本机关不掌握相关政府信息”统计），答复书告知申请人负责公开的机关。转交平台内机关的，接收机关自收到之日起计算答复期限。
      </Typography.Paragraph>
      {send.error && <Alert type="error" showIcon title={send.error.message} style={{ marginBottom: 12 }} />}
      <Form<TransferValues>
        form={form}
        layout="vertical"
        initialValues={{ on: fromIso(today), where: 'platform' }}
        onFinish={(values) => send.mutate(values)}
      >
        <Form.Item name="on" label="转办日期" rules={[{ required: true, message: '请选择转办日期' }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(day) => day.format(ISO) > today} />
        </Form.Item>
        <Form.Item name="where" label="负责公开的机关">
          <Radio.Group
            options={[
              { value: 'platform', label: '平台上的机关（转交办理）' },
              { value: 'outside', label: '其他机关（只告知申请人）' },
            ]}
          />
        </Form.Item>
        <ReceivingOrgan where={where} />
        <Form.Item
          name="note"
          label="转办理由"
          rules={[{ required: true, whitespace: true, message: '请填写转办理由' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder="说明为何不属于本机关负责公开" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
