import { useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { api, unwrap } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/PageState.js';
import { WorkloadTable } from './WorkloadTable.js';

/** The 政务公开办's 工作量与时效: every organ under the government, the largest share late first. */
export function SupervisionWorkloadCard({ year }: { year: number }) {
  const query = useQuery({
    queryKey: ['supervision', 'workload', year],
    queryFn: () => unwrap(api.GET('/api/supervision/workload', { params: { query: { year } } })),
  });
  const data = query.data;
  return (
    <Card size="small" title={`各机关依申请公开工作量与办理时效（${year}年办结，工作日）`}>
      {query.isLoading ? (
        <Loading />
      ) : query.error || !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <WorkloadTable
            rows={[{ ...data.overall, organId: 0, organName: '合计' }, ...data.organs]}
            rowKey={(row) => String(row.organId)}
            nameTitle="机关"
            name={(row) => row.organName}
          />
          <Typography.Text type="secondary">在办为当前未办结的申请；按超期办结占比从高到低排列。</Typography.Text>
        </>
      )}
    </Card>
  );
}
