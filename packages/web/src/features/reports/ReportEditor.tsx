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

type Highlight = { readonly finding?: number; readonly cells: readonly string[]; readonly key: number };

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
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            年度报告
          </Typography.Title>
          <label htmlFor="report-year">年度</label>
          <Select
            id="report-year"
            value={year}
            options={yearOptions(state ? Number(state.today.slice(0, 4)) : chinaYear())}
            onChange={(next) => {
              setHighlight({ cells: [], key: 0 });
              navigate(`/reports/${next}`);
            }}
            style={{ width: 110 }}
          />
          {state && <StatusTags state={state} />}
          {state?.publishedOn && (
            <Typography.Text type="secondary">
              {state.publishedOn} 发布{state.late ? `（晚于${PUBLICATION_DEADLINE}）` : ''}
            </Typography.Text>
          )}
        </Space>
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
            <Card
              size="small"
              title="正式版式预览"
              extra={
                clicked ? (
                  <Typography.Text type="secondary" style={{ maxWidth: 420 }} ellipsis>
                    {cellName(clicked)}：{displayValue(state.report, clicked) || '（空）'}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">点击数字查看由哪些记录计得</Typography.Text>
                )
              }
              styles={{ body: { padding: 0, height: 'calc(100vh - 230px)', minHeight: 420, overflow: 'auto' } }}
            >
              <ReportPreview
                report={state.report}
                highlighted={highlight.cells}
                focusKey={highlight.key}
                onCellClick={setClicked}
              />
            </Card>
          </Col>
          <Col span={10}>
            <Card size="small" styles={{ body: { height: 'calc(100vh - 190px)', minHeight: 460, overflow: 'auto' } }}>
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  {
                    key: 'findings',
                    label: `检查结果（${state.findings.length}）`,
                    children: (
                      <FindingsList
                        findings={state.findings}
                        selected={highlight.finding}
                        onSelect={(index) => select({ finding: index, cells: state.findings[index]?.cells ?? [] })}
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
                        sections={state.report.sections}
                        readOnly={state.status === 'published'}
                        onConflict={() => void report.refetch()}
                      />
                    ),
                  },
                  ...(state.imported
                    ? [
                        {
                          key: 'imported',
                          label: `与导入报告比较（${state.imported.differences.length}）`,
                          children: (
                            <DifferencesPanel
                              imported={state.imported}
                              onSelect={(cellId) => select({ cells: [cellId] })}
                            />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
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
