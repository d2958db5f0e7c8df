import { useQuery } from '@tanstack/react-query';
import { CASE_STATUS_LABELS, cellName, type CaseStatus } from '@xxgk/core';
import { Drawer, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { ErrorState, Loading } from '../../components/PageState.js';

interface Props {
  readonly organId: number;
  readonly year: number;
  /** The number clicked in the preview; the drawer is closed without one. */
  readonly cellId: string | undefined;
  readonly value: string;
  readonly onClose: () => void;
}

/**
 * What a compiled number is made of: the applications it counts (each opening its case), the
 * documents, the review and suit case numbers, or the figure entered in the registers.
 */
export function CellSourcesDrawer({ organId, year, cellId, value, onClose }: Props) {
  const sources = useQuery({
    queryKey: ['reports', organId, year, 'sources', cellId],
    enabled: cellId !== undefined,
    retry: false,
    queryFn: () =>
      unwrap(
        api.GET('/api/organs/{organId}/reports/{year}/sources/{cellId}', {
          params: { path: { organId, year, cellId: cellId as string } },
        }),
      ),
  });
  return (
    <Drawer
      open={cellId !== undefined}
      onClose={onClose}
      width={520}
      title={cellId ? `${cellName(cellId)}：${value || '（空）'}` : ''}
      destroyOnHidden
    >
      {sources.isLoading ? (
        <Loading />
      ) : sources.error ? (
        <ErrorState error={sources.error} onRetry={() => void sources.refetch()} />
      ) : sources.data ? (
        <SourceList data={sources.data} />
      ) : null}
    </Drawer>
  );
}

type CellSource = components['schemas']['CellSource'];

function SourceList({ data }: { data: CellSource }) {
  const { source, applications } = data;
  if ('figure' in source)
    return <Typography.Paragraph>此数字由“主动公开数字”登记簿填报，不逐件记录。</Typography.Paragraph>;
  if ('documents' in source) {
    return (
      <List
        size="small"
        header={`由 ${source.documents.length} 件规章和规范性文件计得`}
        dataSource={source.documents}
        locale={{ emptyText: '没有记录' }}
        renderItem={(document) => <List.Item>{document}</List.Item>}
      />
    );
  }
  if (applications.length === 0) {
    return (
      <List
        size="small"
        header={`由 ${source.count} 件记录计得`}
        dataSource={source.ids}
        locale={{ emptyText: '没有记录：此数字为 0' }}
        renderItem={(id) => <List.Item>{id}</List.Item>}
      />
    );
  }
  return (
    <List
      size="small"
      header={`由 ${source.count} 件政府信息公开申请计得，点击打开办理页面`}
      dataSource={applications}
      renderItem={(application) => (
        <List.Item
          actions={[<Tag key="status">{CASE_STATUS_LABELS[application.status as CaseStatus] ?? '办理中'}</Tag>]}
        >
          <Link to={`/workbench/${application.id}`}>{application.serialNo}</Link>
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
            收到于 {application.receivedOn}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
