import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Space } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorState, Loading } from '../../components/PageState.js';
import { fetchStatus, portalKeys } from './api.js';
import { StatusView } from './StatusView.js';

const normalise = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** 查询办理进度: the query code in, the status and the public steps out; the answer once given. */
export default function StatusPage() {
  const [params, setParams] = useSearchParams();
  const code = normalise(params.get('code') ?? '');
  const status = useQuery({
    queryKey: portalKeys.status(code),
    queryFn: () => fetchStatus(code),
    enabled: code.length > 0,
    retry: false,
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="查询办理进度">
        <Form
          layout="inline"
          key={code}
          initialValues={{ code }}
          onFinish={(values: { code: string }) => setParams({ code: normalise(values.code) })}
        >
          <Form.Item
            label="查询码"
            name="code"
            rules={[{ required: true, whitespace: true, message: '请输入提交申请时获得的查询码' }]}
          >
            <Input
              style={{ width: 280, fontFamily: 'monospace', letterSpacing: 2 }}
              maxLength={40}
              autoComplete="off"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {code &&
        (status.isLoading ? (
          <Loading tip="正在查询……" />
        ) : status.error ? (
          <ErrorState error={status.error} onRetry={() => void status.refetch()} />
        ) : status.data ? (
          <StatusView code={code} status={status.data} />
        ) : null)}
    </Space>
  );
}
