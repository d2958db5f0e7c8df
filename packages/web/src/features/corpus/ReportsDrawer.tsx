import { ORGAN_LEVEL_LABELS } from '@xxgk/core';
import { Drawer, Tag } from 'antd';
import { useState } from 'react';
import { EmptyState } from '../../components/PageState.js';
import { PagedTable } from '../../components/PagedTable.js';
import { useReports, type ReportsQuery } from './api.js';
import { reportColumns } from './columns.js';

export interface Drill {
  /** What was clicked, as the drawer's title says it. */
  readonly title: string;
  readonly query: ReportsQuery;
}

/** The reports behind a clicked figure, a page at a time, each opening its report page. */
export function ReportsDrawer({ drill, base, onClose }: { drill: Drill | null; base: string; onClose(): void }) {
  const [page, setPage] = useState(1);
  const query = drill ? { ...drill.query, page, pageSize: 20 } : null;
  const reports = useReports(query);
  const showValue = Boolean(drill?.query.measure && drill.query.measure !== 'reports');
  return (
    <Drawer
      open={drill !== null}
      width={760}
      title={drill ? `${drill.title}：相关报告` : ''}
      onClose={() => {
        setPage(1);
        onClose();
      }}
    >
      <PagedTable
        rowKey="id"
        size="small"
        result={reports}
        page={page}
        pageSize={20}
        onPageChange={setPage}
        unit="份"
        empty={<EmptyState description="没有相关报告" />}
        columns={[
          ...reportColumns(base),
          { title: '地区', dataIndex: 'regionName', width: 110 },
          {
            title: '层级',
            dataIndex: 'level',
            width: 70,
            render: (level: string | null) => (level ? ORGAN_LEVEL_LABELS[level] : '—'),
          },
          ...(showValue ? [{ title: '数值', dataIndex: 'value', width: 90 }] : []),
          {
            title: '检查',
            dataIndex: 'failedRules',
            width: 90,
            render: (rules: string[]) =>
              rules.length ? <Tag color="orange">{rules.length} 项规则</Tag> : <Tag color="green">通过</Tag>,
          },
        ]}
      />
    </Drawer>
  );
}
