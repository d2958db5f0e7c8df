import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { parseHolidayNotice } from '@xxgk/core';
import { Alert, App, Button, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client.js';
import type { CalendarYearView, DueMove } from './calendarTypes.js';

interface Row {
  readonly key: number;
  date: string;
  name: string;
  kind: 'holiday' | 'workday';
}

let nextKey = 1;
const rowsOf = (year: CalendarYearView): Row[] =>
  year.source === 'provisional'
    ? []
    : [
        ...year.holidays.map((d) => ({ key: nextKey++, ...d, kind: 'holiday' as const })),
        ...year.workdays.map((d) => ({ key: nextKey++, ...d, kind: 'workday' as const })),
      ];

function bodyOf(year: number, rows: readonly Row[]) {
  const pick = (kind: Row['kind']) =>
    rows
      .filter((r) => r.kind === kind)
      .map(({ date, name }) => ({ date: date.trim(), name: name.trim() }))
      .sort((a, b) => a.date.localeCompare(b.date));
  return { year, holidays: pick('holiday'), workdays: pick('workday') };
}

function errorText(error: unknown): string[] {
  if (error instanceof ApiError) return [error.message];
  return [error instanceof Error ? error.message : String(error)];
}

/** The moves a preview or a save lists: which case, from which date to which. */
function MovesTable({ moves }: { moves: readonly DueMove[] }) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={moves.length > 20 ? { pageSize: 20 } : false}
      dataSource={[...moves]}
      data-testid="calendar-moves"
      columns={[
        { title: '机关', dataIndex: 'organName' },
        { title: '申请编号', dataIndex: 'serialNo' },
        { title: '现答复期限', dataIndex: 'from', render: (d: string | null) => d ?? '—' },
        {
          title: '新答复期限',
          dataIndex: 'to',
          render: (d: string | null, move) => (
            <>
              {d ?? '—'}
              {move.provisional && <Tag color="gold">仍为暂定</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}

/** The days' columns, each cell editable in place. */
function dayColumns(
  update: (key: number, change: Partial<Row>) => void,
  remove: (key: number) => void,
): TableProps<Row>['columns'] {
  return [
    {
      title: '日期（YYYY-MM-DD）',
      dataIndex: 'date',
      render: (value: string, row) => (
        <Input value={value} aria-label="日期" onChange={(e) => update(row.key, { date: e.target.value })} />
      ),
    },
    {
      title: '所属节日',
      dataIndex: 'name',
      render: (value: string, row) => (
        <Input value={value} aria-label="所属节日" onChange={(e) => update(row.key, { name: e.target.value })} />
      ),
    },
    {
      title: '类别',
      dataIndex: 'kind',
      width: 130,
      render: (value: Row['kind'], row) => (
        <Select
          value={value}
          style={{ width: 110 }}
          onChange={(kind) => update(row.key, { kind })}
          options={[
            { value: 'holiday', label: '放假' },
            { value: 'workday', label: '调休上班' },
          ]}
        />
      ),
    },
    {
      title: '',
      width: 60,
      render: (_: unknown, row) => (
        <Button type="text" aria-label="删除" icon={<DeleteOutlined />} onClick={() => remove(row.key)} />
      ),
    },
  ];
}

/** The notice's text, pasted, and the button that reads it with the core's parser. */
function NoticeInput({
  year,
  onRead,
}: {
  year: number;
  onRead: (parsed: ReturnType<typeof parseHolidayNotice>) => void;
}) {
  const [text, setText] = useState('');
  // A Space of its own: the editor's Space spaced the text area and the button apart.
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        rows={5}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="粘贴国务院办公厅通知中的放假安排，如：一、元旦：1月1日（周五）至3日（周日）放假，共3天。"
        aria-label="通知全文"
      />
      <Button onClick={() => onRead(parseHolidayNotice(text, year))} disabled={!text.trim()}>
        识别通知
      </Button>
    </Space>
  );
}

/** What saving the days would move: the cases' new due dates, or that nothing moves. */
function MovesPreview({ moves, changed }: { moves: readonly DueMove[]; changed: boolean }) {
  // A Space of its own: the editor's Space spaced these apart.
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text data-testid="calendar-preview-summary">
        {moves.length === 0
          ? '按此安排，没有在办申请的答复期限变化。'
          : `按此安排，${moves.length} 件在办申请的答复期限将调整：`}
      </Typography.Text>
      {moves.length > 0 && <MovesTable moves={moves} />}
      {changed && <Alert type="warning" showIcon title="安排已修改，请重新预览后再保存" />}
    </Space>
  );
}

interface Pending {
  mutate(): void;
  isPending: boolean;
}

/** 添加一天, 预览 (nothing saved) and 保存, the latter only for the days just previewed. */
function EditorButtons({
  onAdd,
  previewing,
  saving,
  canPreview,
  canSave,
}: {
  onAdd: () => void;
  previewing: Pending;
  saving: Pending;
  canPreview: boolean;
  canSave: boolean;
}) {
  return (
    <Space>
      <Button icon={<PlusOutlined />} onClick={onAdd}>
        添加一天
      </Button>
      <Button onClick={() => previewing.mutate()} loading={previewing.isPending} disabled={!canPreview}>
        预览受影响的申请
      </Button>
      <Button type="primary" onClick={() => saving.mutate()} loading={saving.isPending} disabled={!canSave}>
        保存并重算期限
      </Button>
    </Space>
  );
}

/**
 * Entering a year's notice: paste its text (read by the core's parser) or fill in the days, then
 * preview the open cases whose deadline moves (nothing saved), then save, which recomputes them.
 */
export function CalendarEditor({ year }: { year: CalendarYearView }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(year));
  const [problems, setProblems] = useState<string[]>([]);
  const [outside, setOutside] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ body: string; moves: DueMove[] } | undefined>();
  const body = bodyOf(year.year, rows);
  const current = JSON.stringify(body);
  const params = { params: { path: { year: year.year } }, body };

  const previewing = useMutation({
    mutationFn: () => unwrap(api.POST('/api/calendar/{year}/preview', params)),
    onSuccess: (data) => {
      setProblems([]);
      setPreview({ body: current, moves: data.moves });
    },
    onError: (error) => setProblems(errorText(error)),
  });
  const saving = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/calendar/{year}', params)),
    onSuccess: async (data) => {
      message.success(`已保存${year.year}年节假日安排，${data.moves.length} 件在办申请的答复期限已重算`);
      setPreview(undefined);
      await queryClient.invalidateQueries();
    },
    onError: (error) => setProblems(errorText(error)),
  });

  const readNotice = (parsed: ReturnType<typeof parseHolidayNotice>) => {
    setProblems(parsed.issues.map((issue) => `${issue.path}：${issue.message}`));
    setOutside(parsed.outside.map((d) => `${d.date}（${d.name}，${d.kind === 'holiday' ? '放假' : '上班'}）`));
    setRows([
      ...parsed.year.holidays.map((d) => ({ key: nextKey++, ...d, kind: 'holiday' as const })),
      ...parsed.year.workdays.map((d) => ({ key: nextKey++, ...d, kind: 'workday' as const })),
    ]);
  };
  const update = (key: number, change: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="calendar-editor">
      <Typography.Title level={5} style={{ margin: 0 }}>
        录入或更正{year.year}年的放假安排
      </Typography.Title>
      <NoticeInput year={year.year} onRead={readNotice} />
      {outside.length > 0 && (
        <Alert type="info" showIcon title={`以下日期不在${year.year}年，请在所属年度录入：${outside.join('、')}`} />
      )}
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '尚未填写：粘贴通知后点“识别通知”，或逐日添加' }}
        columns={dayColumns(update, (key) => setRows((all) => all.filter((r) => r.key !== key)))}
      />
      <EditorButtons
        onAdd={() => setRows((all) => [...all, { key: nextKey++, date: `${year.year}-`, name: '', kind: 'holiday' }])}
        previewing={previewing}
        saving={saving}
        canPreview={rows.length > 0}
        canSave={preview?.body === current}
      />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="未能识别或保存"
          description={problems.join('；')}
          data-testid="calendar-problems"
        />
      )}
      {preview && <MovesPreview moves={preview.moves} changed={preview.body !== current} />}
    </Space>
  );
}
