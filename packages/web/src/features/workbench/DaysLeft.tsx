import { Tag } from 'antd';

/** 剩余工作日: red once past the due date, orange within 3 working days. */
export function DaysLeft({ days, overdue, closed }: { days: number | null; overdue: boolean; closed?: boolean }) {
  if (closed) return <span>—</span>;
  if (days === null) return <Tag>暂停计时</Tag>;
  if (overdue || days < 0) return <Tag color="red">已逾期 {Math.abs(days)} 个工作日</Tag>;
  if (days === 0) return <Tag color="orange">今日到期</Tag>;
  if (days <= 3) return <Tag color="orange">{days} 个工作日</Tag>;
  return <span>{days} 个工作日</span>;
}
