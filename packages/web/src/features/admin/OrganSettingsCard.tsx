import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Switch, Table, Typography } from 'antd';
import { api, unwrap } from '../../api/client.js';
import { ErrorState } from '../../components/PageState.js';

/**
 * 机关设置: whether an organ's 审核人 may approve an answer (or an extension) they drafted themselves.
 * Off by default; on only for an organ with a single officer. Every such approval is marked on the case.
 */
export function OrganSettingsCard() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const organs = useQuery({ queryKey: ['organs'], queryFn: () => unwrap(api.GET('/api/organs')) });
  const save = useMutation({
    mutationFn: ({ organId, allow }: { organId: number; allow: boolean }) =>
      unwrap(
        api.PUT('/api/organs/{organId}/settings', {
          params: { path: { organId } },
          body: { allowSelfApproval: allow },
        }),
      ),
    onSuccess: (organ) => {
      void client.invalidateQueries({ queryKey: ['organs'] });
      void message.success(`${organ.name}：${organ.allowSelfApproval ? '已允许' : '已不允许'}本人审核`);
    },
    onError: (error) => void message.error(error.message),
  });
  return (
    <Card title="机关设置：本人审核">
      <Typography.Paragraph type="secondary">
        答复和延期应由拟稿人（申请人）以外的审核人审核。只有一名工作人员的机关可以允许本人审核，每次本人审核都在办理过程中标注。
      </Typography.Paragraph>
      {organs.error ? (
        <ErrorState error={organs.error} onRetry={() => void organs.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={organs.isLoading}
          dataSource={organs.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '机关', dataIndex: 'name' },
            {
              title: '允许本人审核',
              dataIndex: 'allowSelfApproval',
              render: (allow: boolean, organ) => (
                <Switch
                  aria-label={`${organ.name}允许本人审核`}
                  checked={allow}
                  loading={save.isPending && save.variables?.organId === organ.id}
                  onChange={(checked) => save.mutate({ organId: organ.id, allow: checked })}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
