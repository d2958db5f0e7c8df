import { Drawer, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useReports, type ReportsQuery } from './api.js';

export interface Drill {
  /** What was clicked, as the drawer's title says it. */
  readonly title: string;
  readonly query: ReportsQuery;
}

const LEVELS: Record<string, string> = { province: '省级', prefecture: '市级', county: '县级', township: '乡级' };

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
      <Table
        rowKey="id"
        size="small"
        loading={reports.isFetching}
        dataSource={reports.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: reports.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 份`,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: '机关',
            dataIndex: 'organName',
            render: (name: string, row) => <Link to={`${base}/reports/${row.id}`}>{name}</Link>,
          },
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '地区', dataIndex: 'regionName', width: 110 },
          {
            title: '层级',
            dataIndex: 'level',
            width: 70,
            render: (level: string | null) => (level ? LEVELS[level] : '—'),
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
