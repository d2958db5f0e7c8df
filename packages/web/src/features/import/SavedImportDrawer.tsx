import { useQuery } from '@tanstack/react-query';
import { cellName, countBySeverity } from '@xxgk/core';
import { Card, Descriptions, Drawer, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState, Loading } from '../../components/PageState.js';
import { getSavedImport, savedImportKeys } from './api.js';
import { FindingsList } from './FindingsList.js';
import { cellValue, dateTime } from './format.js';
import { ReportTables } from './ReportTables.js';
import { SavedCorrections } from './SavedCorrections.js';
import type { CellCorrection, Correction, ImportedReport } from './types.js';

type TabKey = 'tables' | 'findings' | 'corrections';

/** The kept corrections as the tables mark them: by cell, with the value kept. */
function correctionsByCell(corrections: readonly CellCorrection[]): ReadonlyMap<string, Correction> {
  return new Map(corrections.map((c) => [c.cellId, { cellId: c.cellId, value: c.to, reason: c.reason }]));
}

interface Props {
  /** The import shown; kept while the drawer closes, so that its content does not vanish mid-animation. */
  readonly id: number | null;
  readonly open: boolean;
  onClose(): void;
}

/** A saved import, read-only: its tables as kept, what the rules found, and the hand corrections. */
export function SavedImportDrawer({ id, open, onClose }: Props) {
  const query = useQuery({
    queryKey: savedImportKeys.detail(id ?? 0),
    queryFn: () => getSavedImport(id ?? 0),
    enabled: id !== null,
  });
  const saved = query.data;
  return (
    <Drawer
      open={open && id !== null}
      onClose={onClose}
      size={960}
      title={saved && saved.id === id ? `${saved.year}年度 · ${saved.fileName}` : '已保存的导入报告'}
    >
      {query.isLoading ? (
        <Loading tip="正在打开导入的报告……" />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : saved ? (
        <SavedImportView key={saved.id} saved={saved} />
      ) : null}
    </Drawer>
  );
}

function SavedImportView({ saved }: { saved: ImportedReport }) {
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<TabKey>('tables');
  const counts = countBySeverity(saved.findings);
  const corrected = correctionsByCell(saved.corrections);
  const flagged = new Set(saved.findings.flatMap((f) => (f.severity === 'info' ? [] : f.cells)));
  const correction = saved.corrections.find((c) => c.cellId === selected);

  // A cell named in a finding or a correction is shown where it sits in the tables.
  function show(cellId: string) {
    setSelected(cellId);
    setTab('tables');
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="机关">{saved.report.meta.agency || '未读出'}</Descriptions.Item>
        <Descriptions.Item label="年度">{saved.year}年度</Descriptions.Item>
        <Descriptions.Item label="检查结果">
          <Tag color="red">错误 {counts.error}</Tag>
          <Tag color="orange">警告 {counts.warning}</Tag>
          <Tag color="blue">提示 {counts.info}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="文件">{saved.fileName}</Descriptions.Item>
        <Descriptions.Item label="导入时间">{dateTime(saved.importedAt)}</Descriptions.Item>
        <Descriptions.Item label="导入人">{saved.importedByName ?? '系统导入'}</Descriptions.Item>
      </Descriptions>

      <Card size="small" className="import-selection" aria-live="polite">
        {selected ? (
          <Space wrap>
            <Typography.Text strong>{cellName(selected)}</Typography.Text>
            <span>保存的值 {cellValue(saved.report.cells[selected])}</span>
            {correction && (
              <Tag color="purple">
                人工更正：读出 {cellValue(correction.from)}，理由：{correction.reason}
              </Tag>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">
            表格为保存时的数值，紫色的单元格经人工更正；点击数字查看单元格名称和更正理由。
          </Typography.Text>
        )}
      </Card>

      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        items={[
          {
            key: 'tables',
            label: '表格',
            children: (
              <ReportTables
                report={saved.report}
                selected={selected}
                corrections={corrected}
                flagged={flagged}
                onSelect={setSelected}
              />
            ),
          },
          {
            key: 'findings',
            label: `检查结果（${saved.findings.length}）`,
            children: <FindingsList findings={saved.findings} onSelect={show} />,
          },
          {
            key: 'corrections',
            label: `人工更正（${saved.corrections.length}）`,
            children: <SavedCorrections corrections={saved.corrections} onSelect={show} />,
          },
        ]}
      />
    </Space>
  );
}
