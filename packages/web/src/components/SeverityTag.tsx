import { SEVERITY_LABELS, type Severity } from '@xxgk/core';
import { Tag } from 'antd';

/** One colour per severity, wherever findings are listed. */
export const SEVERITY_COLORS: Readonly<Record<Severity, string>> = { error: 'red', warning: 'orange', info: 'blue' };

/** 错误 / 警告 / 提示, in its colour; `count` after the label when given. */
export function SeverityTag({ severity, count }: { severity: Severity; count?: number }) {
  return (
    <Tag color={SEVERITY_COLORS[severity]}>
      {SEVERITY_LABELS[severity]}
      {count === undefined ? '' : ` ${count}`}
    </Tag>
  );
}
