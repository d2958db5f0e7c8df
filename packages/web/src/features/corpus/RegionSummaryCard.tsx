import { SEVERITY_LABELS, type Report } from '@xxgk/core';
import { Alert, Button, Card, Checkbox, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ExportButton, withQuery } from '../../components/ExportButton.js';
import { useRegionSummary, type CorpusFilter } from './api.js';
import { OfficialTables } from './OfficialTables.js';

/** A government's 汇总 for the chosen region and year: its organs' tables added up, findings, missing and late organs. */
export function RegionSummaryCard({ filter }: { filter: CorpusFilter }) {
  const [within, setWithin] = useState(false);
  const [open, setOpen] = useState(false);
  const summary = useRegionSummary(filter.region, filter.year, within);
  const data = summary.data;
  const path = (format: string) =>
    withQuery(`/api/corpus/regions/${filter.region}/${filter.year}/${format}`, { within: String(within) });
  return (
    <Card title="地区汇总" size="small">
      {!filter.region || !filter.year ? (
        <Typography.Text type="secondary">选择年度和行政区划后，显示该级政府所属各机关的汇总。</Typography.Text>
      ) : data ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>
            {data.region.name}
            {data.year}年度：{data.reports} 份报告
          </Typography.Text>
          <Checkbox checked={within} onChange={(e) => setWithin(e.target.checked)}>
            含下辖地区的机关
          </Checkbox>
          <Space wrap>
            <Button type="primary" onClick={() => setOpen(true)}>
              查看汇总表
            </Button>
            <ExportButton path={path('docx')} fileName="汇总.docx" label="下载 Word" />
            <ExportButton path={path('html')} fileName="汇总.html" label="下载 HTML" />
          </Space>
          <Typography.Text>检查发现 {data.findings.length} 项</Typography.Text>
          <List
            size="small"
            header={`缺报机关（${data.missing.length}）`}
            dataSource={data.missing}
            locale={{ emptyText: '无' }}
            renderItem={(organ) => <List.Item>{organ.organName}</List.Item>}
          />
          <List
            size="small"
            header={`迟报机关（${data.late.length}，发布期限 ${data.deadline}）`}
            dataSource={data.late}
            locale={{ emptyText: '无' }}
            renderItem={(organ) => (
              <List.Item>
                {organ.organName} <Tag color="orange">{organ.publishedOn} 发布</Tag>
              </List.Item>
            )}
          />
          <Modal
            open={open}
            width={1000}
            footer={null}
            title={`${data.report.meta.agency} ${data.year}年度`}
            onCancel={() => setOpen(false)}
          >
            {data.findings.map((finding, i) => (
              <Alert
                key={i}
                style={{ marginBottom: 8 }}
                type={finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'info'}
                message={`${SEVERITY_LABELS[finding.severity]}：${finding.message}`}
              />
            ))}
            <OfficialTables report={data.report as Report} />
          </Modal>
        </Space>
      ) : (
        <Typography.Text type="secondary">{summary.isError ? '无法取得汇总' : '正在汇总……'}</Typography.Text>
      )}
    </Card>
  );
}
