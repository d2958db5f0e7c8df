import { useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { api, unwrap } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/PageState.js';
import { WorkloadTable } from './WorkloadTable.js';

/** The workbench's 工作量与时效: the organ, then each officer (the latest drafter, else who registered it). */
export function OrganWorkloadCard({ organId }: { organId: number }) {
  const query = useQuery({
    queryKey: ['workbench', 'workload', organId],
    queryFn: () => unwrap(api.GET('/api/organs/{organId}/workload', { params: { path: { organId } } })),
  });
  const data = query.data;
  return (
    <Card size="small" title={`工作量与办理时效（${data?.year ?? ''}年办结，工作日）`}>
      {query.isLoading ? (
        <Loading />
      ) : query.error || !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <WorkloadTable
            rows={[{ ...data.organ, name: '本机关合计' }, ...data.officers]}
            rowKey={(row) => ('userId' in row ? String(row.userId) : 'organ')}
            nameTitle="经办人"
            name={(row) => row.name}
          />
          <Typography.Text type="secondary">
            办结用时自收到申请之次日起按工作日计算至办结之日（含暂停计时的日数）；百分位数按相邻两项线性插值。
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
