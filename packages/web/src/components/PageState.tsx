import { Alert, Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';

/** Loading, error and empty states, designed once and used by every page. */
export function Loading({ tip = '正在加载……' }: { tip?: string }) {
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status" aria-live="polite">
      <Spin />
      <div style={{ marginTop: 12, color: '#888' }}>{tip}</div>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : '出现了未知错误';
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title="找不到" subTitle={message} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={message}
      action={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined}
    />
  );
}

export function EmptyState({ description, children }: { description: string; children?: ReactNode }) {
  return (
    <Empty description={description} style={{ padding: 32 }}>
      {children}
    </Empty>
  );
}
