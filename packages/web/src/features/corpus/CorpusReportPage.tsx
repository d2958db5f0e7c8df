import { DownloadOutlined } from '@ant-design/icons';
import { SEVERITY_LABELS, cellName, displayValue, type Report, ORGAN_LEVEL_LABELS } from '@xxgk/core';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { download } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/PageState.js';
import { useCorpusReport, type CorpusReport } from './api.js';
import { OfficialTables } from './OfficialTables.js';

const KINDS: Record<string, string> = { government: '政府', department: '部门' };

/** One report of the corpus: its tables in the official layout, each number's source, its findings, its file. */
export function CorpusReportPage({ base }: { base: string }) {
  const { id = '' } = useParams();
  const query = useCorpusReport(id);
  if (query.isError) return <ErrorState error={query.error} />;
  if (!query.data) return <Loading />;
  return <ReportView data={query.data} base={base} />;
}

function ReportView({ data, base }: { data: CorpusReport; base: string }) {
  const [selected, setSelected] = useState<string | null>(null);
  const report = data.report as Report;
  const flagged = useMemo(() => new Set(data.findings.flatMap((f) => f.cells)), [data.findings]);
  const source = selected ? (data.sources[selected] as Record<string, unknown> | undefined) : undefined;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Link to={base}>← 返回数据概览</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {data.organName}
        {data.year}年政府信息公开工作年度报告
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label="行政区划">{data.regionCode ?? '未识别'}</Descriptions.Item>
        <Descriptions.Item label="层级">{data.level ? ORGAN_LEVEL_LABELS[data.level] : '未识别'}</Descriptions.Item>
        <Descriptions.Item label="机关类别">{KINDS[data.kind] ?? data.kind}</Descriptions.Item>
        <Descriptions.Item label="版本">
          第 {data.version} 版{data.current ? <Tag color="green">现行</Tag> : <Tag>已被更正版本取代</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="格式">{data.format} 格式</Descriptions.Item>
        <Descriptions.Item label="原文件">
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => void download(`/api/corpus/files/${data.file.id}`, data.file.name)}
          >
            下载原文件 {data.file.name}
          </Button>
        </Descriptions.Item>
      </Descriptions>
      {data.findings.map((finding, i) => (
        <Alert
          key={i}
          type={finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'info'}
          message={`${SEVERITY_LABELS[finding.severity]}：${finding.message}`}
        />
      ))}
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card size="small" title="法定表格（点击数值查看出处）">
            <OfficialTables report={report} selected={selected} flagged={flagged} onSelect={setSelected} />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title="数值出处" style={{ position: 'sticky', top: 16 }}>
            {selected ? (
              <Space direction="vertical">
                <Typography.Text strong>{cellName(selected)}</Typography.Text>
                <Typography.Text>数值：{displayValue(report, selected) || '空白'}</Typography.Text>
                {source ? (
                  <SourceText source={source} />
                ) : (
                  <Typography.Text type="secondary">未记录出处</Typography.Text>
                )}
              </Space>
            ) : (
              <Typography.Text type="secondary">点击表格中的数值，显示它在原文件中的位置。</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

const PLACES: [string, string][] = [
  ['page', '页'],
  ['line', '行'],
  ['table', '表'],
  ['row', '表行'],
  ['column', '表列'],
];

function SourceText({ source }: { source: Record<string, unknown> }) {
  const place = PLACES.filter(([key]) => typeof source[key] === 'number').map(([key, unit]) =>
    unit === '页' || unit === '行' ? `第 ${String(source[key])} ${unit}` : `${unit} ${Number(source[key]) + 1}`,
  );
  return (
    <>
      {place.length > 0 && <Typography.Text>位置：{place.join('，')}</Typography.Text>}
      {typeof source['text'] === 'string' && (
        <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap' }}>
          {source['text']}
        </Typography.Paragraph>
      )}
      {typeof source['confidence'] === 'number' && (
        <Typography.Text>识别置信度：{(Number(source['confidence']) * 100).toFixed(0)}%</Typography.Text>
      )}
    </>
  );
}
