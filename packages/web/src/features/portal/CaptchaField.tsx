import { ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Space, Spin, Typography } from 'antd';
import type { ChangeEvent } from 'react';

interface Props {
  readonly id?: string;
  readonly value?: string;
  readonly onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
  readonly svg: string | undefined;
  readonly loading: boolean;
  readonly error: string | undefined;
  readonly onRefresh: () => void;
}

/** The answer box, the captcha image and its 换一张 button. */
export function CaptchaField({ id, value, onChange, svg, loading, error, onRefresh }: Props) {
  return (
    <Space align="center" wrap>
      <Input
        id={id}
        value={value}
        onChange={onChange}
        inputMode="numeric"
        autoComplete="off"
        placeholder="计算结果"
        style={{ width: 140 }}
      />
      <div
        style={{
          width: 180,
          height: 60,
          border: '1px solid #d9d9d9',
          borderRadius: 4,
          display: 'grid',
          placeItems: 'center',
        }}
      >
        {svg ? (
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
            alt="验证码：请计算图中算式的结果"
            width={180}
            height={60}
          />
        ) : loading ? (
          <Spin size="small" />
        ) : (
          <Typography.Text type="danger" style={{ fontSize: 12, padding: 4 }}>
            {error ?? '验证码加载失败'}
          </Typography.Text>
        )}
      </div>
      <Button icon={<ReloadOutlined />} onClick={onRefresh} loading={loading}>
        换一张
      </Button>
    </Space>
  );
}
