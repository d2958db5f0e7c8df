import { useQuery } from '@tanstack/react-query';
import { PROVISIONAL_NOTE } from '@xxgk/core';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/PageState.js';
import { CalendarEditor } from './CalendarEditor.js';
import { SOURCE_LABELS, type CalendarDay, type CalendarSource } from './calendarTypes.js';

const SOURCE_COLOURS: Record<CalendarSource, string> = {
  shipped: 'default',
  administrator: 'blue',
  provisional: 'gold',
};

/** One row per holiday: its days off and the weekend days worked for it. */
function byHoliday(holidays: readonly CalendarDay[], workdays: readonly CalendarDay[]) {
  const rows = new Map<string, { name: string; off: string[]; worked: string[] }>();
  const row = (name: string) => {
    const found = rows.get(name) ?? { name, off: [], worked: [] };
    rows.set(name, found);
    return found;
  };
  for (const day of holidays) row(day.name).off.push(day.date.slice(5));
  for (const day of workdays) row(day.name).worked.push(day.date.slice(5));
  return [...rows.values()];
}

/**
 * The working-day calendar for the 系统管理员: each year with where its days off come from
 * (随系统发布 / 管理员录入 / 暂定), the days of the chosen year, and the editor to enter its notice.
 */
export function CalendarCard() {
  const years = useQuery({ queryKey: ['calendar'], queryFn: () => unwrap(api.GET('/api/calendar')) });
  const [chosen, setChosen] = useState<number | undefined>();
  const selected = chosen ?? years.data?.find((y) => y.source === 'provisional')?.year ?? years.data?.at(-1)?.year;
  const year = useQuery({
    queryKey: ['calendar', selected],
    enabled: selected !== undefined,
    queryFn: () => unwrap(api.GET('/api/calendar/{year}', { params: { path: { year: selected ?? 0 } } })),
  });
  if (years.isLoading) return <Loading />;
  if (years.error) return <ErrorState error={years.error} onRetry={() => void years.refetch()} />;
  return (
    <Card title="工作日历（国务院办公厅节假日安排）" data-testid="calendar-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {(years.data ?? []).map((y) => (
            <Tag.CheckableTag
              key={y.year}
              checked={y.year === selected}
              onChange={() => setChosen(y.year)}
              data-testid={`calendar-year-${y.year}`}
            >
              {y.year}年 <Tag color={SOURCE_COLOURS[y.source]}>{SOURCE_LABELS[y.source]}</Tag>
            </Tag.CheckableTag>
          ))}
        </Space>
        {year.data && (
          <>
            {year.data.source === 'provisional' && (
              <Alert
                type="warning"
                showIcon
                title={`${year.data.year}年尚无放假安排，按法定节假日暂定（含补假，未计调休）。${PROVISIONAL_NOTE}`}
              />
            )}
            <Table
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={byHoliday(year.data.holidays, year.data.workdays)}
              columns={[
                { title: '节日', dataIndex: 'name', width: 140 },
                { title: '放假', dataIndex: 'off', render: (days: string[]) => days.join('、') },
                { title: '调休上班', dataIndex: 'worked', render: (days: string[]) => days.join('、') || '—' },
              ]}
            />
            <CalendarEditor key={year.data.year} year={year.data} />
          </>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        新一年的通知发布后，在此粘贴通知或逐日填写，预览受影响的在办申请后保存；期限随之重算，经办人在案件和列表中看到调整。
      </Typography.Paragraph>
    </Card>
  );
}
