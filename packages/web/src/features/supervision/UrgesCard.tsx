import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { PagedTable } from '../../components/PagedTable.js';
import { EmptyState } from '../../components/PageState.js';
import type { Urge } from '../notifications/api.js';
import { UrgeAnswerCell } from '../notifications/UrgeList.js';
import { dateTime } from '../workbench/format.js';

const PAGE_SIZE = 10;

/** Every 催办 sent to the organs under the government, with each organ's answer. */
export function UrgesCard() {
  const [page, setPage] = useState(1);
  const result = useQuery({
    queryKey: ['supervision', 'urges', page],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/urges', { params: { query: { page, pageSize: PAGE_SIZE } } })),
  });
  return (
    <Card size="small" title="催办记录">
      <PagedTable<Urge>
        size="small"
        rowKey="id"
        unit="次"
        result={result}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        empty={<EmptyState description="尚未催办" />}
        columns={[
          { title: '机关', dataIndex: 'organName', width: 200 },
          { title: '催办事由', dataIndex: 'reasonText', width: 250 },
          { title: '催办内容', dataIndex: 'message' },
          { title: '催办时间', dataIndex: 'sentAt', width: 170, render: (at: string) => dateTime(at) },
          { title: '答复', key: 'answer', width: 260, render: (_: unknown, u) => <UrgeAnswerCell urge={u} /> },
        ]}
      />
    </Card>
  );
}
