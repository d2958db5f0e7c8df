import { Tag } from 'antd';
import type { ReportState } from './types.js';

/** 未开始 / 草稿 / 已发布, and 逾期 when published after 31 January (条例第四十九条). */
export function StatusTags({ state }: { state: ReportState }) {
  return (
    <span data-testid="report-status">
      {state.status === 'notStarted' && <Tag>未开始</Tag>}
      {state.status === 'draft' && <Tag color="orange">草稿</Tag>}
      {state.status === 'published' && <Tag color="green">已发布</Tag>}
      {state.late && <Tag color="red">逾期</Tag>}
    </span>
  );
}
