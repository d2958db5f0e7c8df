import { Tag } from 'antd';

/**
 * 剩余工作日: red once past the due date, orange within 3 working days. Without a count, 暂停计时
 * only when the clock really stands still (as the dashboard's card counts), else a dash.
 */
export function DaysLeft({
  days,
  overdue,
  closed,
  paused,
}: {
  days: number | null;
  overdue: boolean;
  closed?: boolean;
  paused: boolean;
}) {
  if (closed) return <span>—</span>;
  if (days === null) return paused ? <Tag>暂停计时</Tag> : <span>—</span>;
  if (overdue || days < 0) return <Tag color="red">已逾期 {Math.abs(days)} 个工作日</Tag>;
  if (days === 0) return <Tag color="orange">今日到期</Tag>;
  if (days <= 3) return <Tag color="orange">{days} 个工作日</Tag>;
  return <span>{days} 个工作日</span>;
}
