import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { ErrorState, Loading } from '../../components/PageState.js';
import { NOTIFICATIONS_KEY, saveEmail, useMailSettings } from './api.js';

/** Where the person's reminders are mailed, if the server sends mail at all. */
export function EmailSettings() {
  const settings = useMailSettings();
  const client = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: saveEmail,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
      message.success('已保存提醒邮箱');
    },
    onError: (error) => message.error(error.message),
  });
  if (settings.isLoading) return <Loading />;
  if (settings.error || !settings.data)
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Space orientation="vertical" style={{ maxWidth: 560 }}>
      {!settings.data.mailEnabled && (
        <Alert type="info" showIcon title="服务器尚未配置邮件发送，提醒只在平台内显示。配置方法见运维说明。" />
      )}
      <Typography.Paragraph type="secondary">
        提醒邮件只写明申请的文号和答复期限，不含申请人的姓名、身份证号和电话。
      </Typography.Paragraph>
      <Form
        layout="inline"
        initialValues={{ email: settings.data.email ?? '' }}
        onFinish={(values: { email: string }) => save.mutate(values.email.trim() || null)}
      >
        <Form.Item name="email" label="提醒邮箱" rules={[{ type: 'email', message: '邮箱地址格式不正确' }]}>
          <Input style={{ width: 280 }} placeholder="留空则不发送邮件" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Space>
  );
}
