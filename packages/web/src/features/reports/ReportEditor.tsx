import { cellName, displayValue, PUBLICATION_DEADLINE } from '@xxgk/core';
import { Card, Col, Row, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../components/PageState.js';
import { useSession } from '../auth/session.js';
import { useReport } from './api.js';
import { CellSourcesDrawer } from './CellSourcesDrawer.js';
import { DifferencesPanel } from './DifferencesPanel.js';
import { FindingsList } from './FindingsList.js';
import { ReportActions } from './ReportActions.js';
import { ReportPreview } from './ReportPreview.js';
import { SectionsEditor } from './SectionsEditor.js';
import { StaleBanner } from './StaleBanner.js';
import { StatusTags } from './StatusTags.js';
import { chinaYear, yearOptions } from '../../components/years.js';
import type { ReportState } from './types.js';

type Highlight = { readonly finding?: number; readonly cells: readonly string[]; readonly key: number };

/** The page's title: the year chosen, the report's status and when it was published. */
function YearHeading({
  year,
  state,
  onYear,
}: {
  year: number;
  state: ReportState | undefined;
  onYear: (year: number) => void;
}) {
  return (
    <Space align="center" wrap>
      <Typography.Title level={3} style={{ margin: 0 }}>
        年度报告
      </Typography.Title>
      <label htmlFor="report-year">年度</label>
      <Select
        id="report-year"
        value={year}
        options={yearOptions(state ? Number(state.today.slice(0, 4)) : chinaYear())}
        onChange={onYear}
        style={{ width: 110 }}
      />
      {state && <StatusTags state={state} />}
      {state?.publishedOn && (
        <Typography.Text type="secondary">
          {state.publishedOn} 发布{state.late ? `（晚于${PUBLICATION_DEADLINE}）` : ''}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The report in the official layout; a click on a figure names its cell and value above. */
function PreviewCard({
  report,
  clicked,
  highlight,
  onCellClick,
}: {
  report: NonNullable<ReportState['report']>;
  clicked: string | undefined;
  highlight: Highlight;
  onCellClick: (cellId: string) => void;
}) {
  return (
    <Card
      size="small"
      title="正式版式预览"
      extra={
        clicked ? (
          <Typography.Text type="secondary" style={{ maxWidth: 420 }} ellipsis>
            {cellName(clicked)}：{displayValue(report, clicked) || '（空）'}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">点击数字查看由哪些记录计得</Typography.Text>
        )
      }
      styles={{ body: { padding: 0, height: 'calc(100vh - 230px)', minHeight: 420, overflow: 'auto' } }}
    >
      <ReportPreview report={report} highlighted={highlight.cells} focusKey={highlight.key} onCellClick={onCellClick} />
    </Card>
  );
}

/** The right-hand side: the findings, the prose sections, and the comparison with an imported report. */
function ReportTabs({
  organId,
  state,
  report,
  tab,
  onTab,
  finding,
  onSelect,
  onConflict,
}: {
  organId: number;
  state: ReportState;
  report: NonNullable<ReportState['report']>;
  tab: string;
  onTab: (tab: string) => void;
  finding: number | undefined;
  onSelect: (next: Omit<Highlight, 'key'>) => void;
  onConflict: () => void;
}) {
  return (
    <Card size="small" styles={{ body: { height: 'calc(100vh - 190px)', minHeight: 460, overflow: 'auto' } }}>
      <Tabs
        activeKey={tab}
        onChange={onTab}
        items={[
          {
            key: 'findings',
            label: `检查结果（${state.findings.length}）`,
            children: (
              <FindingsList
                findings={state.findings}
                selected={finding}
                onSelect={(index) => onSelect({ finding: index, cells: state.findings[index]?.cells ?? [] })}
              />
            ),
          },
          {
            key: 'sections',
            label: '文字部分',
            children: (
              <SectionsEditor
                organId={organId}
                state={state}
                sections={report.sections}
                readOnly={state.status === 'published'}
                onConflict={onConflict}
              />
            ),
          },
          ...(state.imported
            ? [
                {
                  key: 'imported',
                  label: `与导入报告比较（${state.imported.differences.length}）`,
                  children: (
                    <DifferencesPanel imported={state.imported} onSelect={(cellId) => onSelect({ cells: [cellId] })} />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** The annual report of a year: the official layout on the left, the findings and the prose on the right. */
export function ReportEditor({ year }: { year: number }) {
  const { user } = useSession();
  const organId = user?.organId ?? 0;
  const navigate = useNavigate();
  const report = useReport(organId, year);
  const [highlight, setHighlight] = useState<Highlight>({ cells: [], key: 0 });
  const [tab, setTab] = useState('findings');
  const [clicked, setClicked] = useState<string>();

  const state = report.data;
  const select = (next: Omit<Highlight, 'key'>) => setHighlight((h) => ({ ...next, key: h.key + 1 }));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between' }}>
        <YearHeading
          year={year}
          state={state}
          onYear={(next) => {
            setHighlight({ cells: [], key: 0 });
            navigate(`/reports/${next}`);
          }}
        />
        {state && <ReportActions organId={organId} state={state} />}
      </Space>
      {state && <StaleBanner organId={organId} state={state} />}
      {report.isLoading ? (
        <Loading />
      ) : report.error ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : !state?.report ? (
        <EmptyState description={`${year}年度报告尚未编制。点击“由记录编制”，由办理记录和登记簿生成表格。`} />
      ) : (
        <Row gutter={16}>
          <Col span={14}>
            <PreviewCard report={state.report} clicked={clicked} highlight={highlight} onCellClick={setClicked} />
          </Col>
          <Col span={10}>
            <ReportTabs
              organId={organId}
              state={state}
              report={state.report}
              tab={tab}
              onTab={setTab}
              finding={highlight.finding}
              onSelect={select}
              onConflict={() => void report.refetch()}
            />
          </Col>
        </Row>
      )}
      {state?.report && (
        <CellSourcesDrawer
          organId={organId}
          year={year}
          cellId={clicked}
          value={clicked ? displayValue(state.report, clicked) : ''}
          onClose={() => setClicked(undefined)}
        />
      )}
    </Space>
  );
}
