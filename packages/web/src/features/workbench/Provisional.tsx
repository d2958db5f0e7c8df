import { PROVISIONAL_NOTE } from '@xxgk/core';
import { Tag, Tooltip } from 'antd';
import { chineseDate } from './format.js';

/** 暂定 beside a date counted through a year whose holiday notice is not out; the sentence says why. */
export function ProvisionalTag() {
  return (
    <Tooltip title={PROVISIONAL_NOTE}>
      <Tag color="gold" style={{ marginInlineStart: 6 }} data-testid="provisional">
        暂定
      </Tag>
    </Tooltip>
  );
}

export interface DueMoved {
  readonly from: string | null;
  readonly at: string;
  readonly reason: string;
}

/** What a calendar change did to the due date, in one sentence. */
export function dueMovedText(moved: DueMoved, dueOn: string | null): string {
  const when = new Date(moved.at).toLocaleString('zh-CN', { hour12: false });
  return `${moved.reason}，答复期限已于${when}由${moved.from ? chineseDate(moved.from) : '无期限'}调整为${
    dueOn ? chineseDate(dueOn) : '暂停计时'
  }`;
}

/** 期限已调整 in the list, the move itself in the tooltip. */
export function DueMovedTag({ moved, dueOn }: { moved: DueMoved; dueOn: string | null }) {
  return (
    <Tooltip title={dueMovedText(moved, dueOn)}>
      <Tag color="purple" style={{ marginInlineStart: 6 }} data-testid="due-moved">
        期限已调整
      </Tag>
    </Tooltip>
  );
}
