import { renderHtml } from '@xxgk/core';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, List, Tag, Typography } from 'antd';
import { ErrorState, EmptyState, Loading } from '../../components/PageState.js';
import { SeverityTag } from '../../components/SeverityTag.js';
import { organReport } from './api.js';
import { StatusTag } from './StatusTag.js';
import type { SupervisionOrgan } from './types.js';

/** An organ's report of the year, read-only, with what the rules found. */
export function OrganReportDrawer({
  organ,
  year,
  onClose,
}: {
  organ: SupervisionOrgan | null;
  year: number;
  onClose(): void;
}) {
  const query = useQuery({
    queryKey: ['supervision', year, 'report', organ?.organId],
    queryFn: () => organReport(organ?.organId ?? 0, year),
    enabled: organ !== null,
  });
  const data = query.data;
  return (
    <Drawer
      open={organ !== null}
      onClose={onClose}
      size={900}
      title={organ ? `${organ.organName} ${year}年度报告` : ''}
    >
      {query.isLoading ? (
        <Loading />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : data && organ ? (
        <>
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="状态">
              <StatusTag status={organ.status} />
            </Descriptions.Item>
            <Descriptions.Item label="发布日期">{data.publishedOn ?? '未发布'}</Descriptions.Item>
            <Descriptions.Item label="检查结果">
              <Tag color="red">错误 {organ.findings.error}</Tag>
              <Tag color="orange">警告 {organ.findings.warning}</Tag>
              <Tag color="blue">提示 {organ.findings.info}</Tag>
            </Descriptions.Item>
          </Descriptions>
          {!data.report ? (
            <EmptyState description="该机关尚未开始编制本年度报告" />
          ) : (
            <>
              <Typography.Title level={5}>检查发现的问题</Typography.Title>
              {data.findings.length === 0 ? (
                <Typography.Paragraph type="success">未发现问题。</Typography.Paragraph>
              ) : (
                <List
                  size="small"
                  style={{ marginBottom: 16 }}
                  dataSource={[...data.findings]}
                  renderItem={(f) => (
                    <List.Item>
                      <div>
                        <SeverityTag severity={f.severity} />
                        {f.message}
                      </div>
                    </List.Item>
                  )}
                />
              )}
              <div
                className="supervision-report"
                // The core's renderer escapes every text it writes.
                dangerouslySetInnerHTML={{ __html: renderHtml(data.report, { fragment: true }) }}
              />
            </>
          )}
        </>
      ) : null}
    </Drawer>
  );
}
