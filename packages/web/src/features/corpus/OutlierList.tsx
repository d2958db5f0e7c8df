import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/PageState.js';
import { PagedTable } from '../../components/PagedTable.js';
import { useOutliers, type CorpusFilter, type OutlierType } from './api.js';
import { reportColumns } from './columns.js';

const TYPES: { key: OutlierType; label: string }[] = [
  { key: 'jump', label: '新收申请大幅跳变' },
  { key: 'impossible', label: '不可能的数值' },
  { key: 'carryover', label: '与上年报告衔接不上' },
];

/** The outliers of the filtered corpus, by type, each opening the report (and last year's). */
export function OutlierList({ filter, base }: { filter: CorpusFilter; base: string }) {
  const [type, setType] = useState<OutlierType>('jump');
  const [page, setPage] = useState(1);
  const outliers = useOutliers(type, filter, page);
  return (
    <Card title="异常值" size="small">
      <Tabs
        activeKey={type}
        onChange={(key) => {
          setType(key as OutlierType);
          setPage(1);
        }}
        items={TYPES.map((t) => ({ key: t.key, label: t.label }))}
      />
      <PagedTable
        rowKey="id"
        size="small"
        aria-label="异常值列表"
        result={outliers}
        page={page}
        pageSize={10}
        onPageChange={setPage}
        unit="份"
        empty={<EmptyState description="没有发现此类异常" />}
        columns={[
          ...reportColumns(base),
          { title: '异常', dataIndex: 'reason' },
          {
            title: '上年报告',
            dataIndex: 'previousId',
            width: 90,
            render: (id: string | null) => (id ? <Link to={`${base}/reports/${id}`}>查看</Link> : '—'),
          },
        ]}
      />
    </Card>
  );
}
