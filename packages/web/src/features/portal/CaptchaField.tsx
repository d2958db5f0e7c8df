import { ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Space, Spin, Typography } from 'antd';
import type { ChangeEvent } from 'react';
import type { CaptchaMode } from './api.js';

interface Props {
  readonly id?: string;
  readonly value?: string;
  readonly onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
  readonly mode: CaptchaMode;
  readonly onModeChange: (mode: CaptchaMode) => void;
  readonly svg: string | undefined;
  readonly question: string | undefined;
  readonly loading: boolean;
  readonly error: string | undefined;
  readonly onRefresh: () => void;
}

const BOX = {
  minWidth: 180,
  height: 60,
  border: '1px solid #d9d9d9',
  borderRadius: 4,
  display: 'grid',
  placeItems: 'center',
  padding: '0 8px',
} as const;

/**
 * The answer box, the challenge and its 换一张 button. The image has a text alternative on request
 * (the same kind of sum written in words), so that people using a screen reader can apply online.
 */
export function CaptchaField(props: Props) {
  const { id, value, onChange, mode, onModeChange, svg, question, loading, error, onRefresh } = props;
  const challenge = mode === 'text' ? question : svg;
  return (
    <Space orientation="vertical" size={4}>
      <Space align="center" wrap>
        <Input
          id={id}
          value={value}
          onChange={onChange}
          inputMode="numeric"
          autoComplete="off"
          placeholder="计算结果（填数字）"
          aria-describedby={mode === 'text' ? 'captcha-question' : undefined}
          style={{ width: 160 }}
        />
        <div style={BOX} aria-live="polite">
          {challenge === undefined ? (
            loading ? (
              <Spin size="small" />
            ) : (
              <Typography.Text type="danger" style={{ fontSize: 12, padding: 4 }}>
                {error ?? '验证码加载失败'}
              </Typography.Text>
            )
          ) : mode === 'text' ? (
            <Typography.Text id="captcha-question" strong style={{ fontSize: 16 }}>
              {challenge}
            </Typography.Text>
          ) : (
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(challenge)}`}
              alt="验证码图片：请计算图中算式的结果；看不清可改用文字题"
              width={180}
              height={60}
            />
          )}
        </div>
        <Button icon={<ReloadOutlined />} onClick={onRefresh} loading={loading}>
          换一张
        </Button>
      </Space>
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        onClick={() => onModeChange(mode === 'text' ? 'image' : 'text')}
      >
        {mode === 'text' ? '改用图片验证码' : '看不清图片？改用文字题（可由读屏软件朗读）'}
      </Button>
    </Space>
  );
}
