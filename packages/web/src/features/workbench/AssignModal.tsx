import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, List, Modal, Select, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client.js';

/** The organ's officers a case may be assigned to (also the list's 承办人 filter). */
export function useAssignees(organId: number) {
  return useQuery({
    queryKey: ['workbench', 'assignees', organId],
    queryFn: () => unwrap(api.GET('/api/organs/{organId}/assignees', { params: { path: { organId } } })),
  });
}

/**
 * 分派承办人 of the cases ticked in the list: the officer chosen, then what became of each case
 * (a closed case, or one already with that officer, is refused and the rest are assigned).
 */
export function AssignModal({
  organId,
  ids,
  onClose,
  onDone,
}: {
  organId: number;
  ids: readonly number[];
  onClose(): void;
  /** After the results were read: the ticked cases are done with. */
  onDone(): void;
}) {
  const [form] = Form.useForm<{ assigneeId: number }>();
  const officers = useAssignees(organId);
  const client = useQueryClient();
  const assign = useMutation({
    mutationFn: (assigneeId: number) =>
      unwrap(api.POST('/api/applications/assign', { body: { ids: [...ids], assigneeId } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['workbench'] }),
  });
  const done = assign.data;
  return (
    <Modal
      open
      title={`分派承办人（已选 ${ids.length} 件）`}
      okText={done ? '完成' : '确定分派'}
      cancelText="取消"
      // Once assigned, 完成 is the only way on: there is nothing left to cancel.
      cancelButtonProps={done ? { style: { display: 'none' } } : {}}
      confirmLoading={assign.isPending}
      onOk={() => (done ? onDone() : form.submit())}
      onCancel={done ? onDone : onClose}
      width={640}
    >
      {assign.error && <Alert type="error" showIcon title={assign.error.message} style={{ marginBottom: 12 }} />}
      {done ? (
        <div data-testid="assign-results">
          <Alert
            type={done.refused ? 'warning' : 'success'}
            showIcon
            title={`已分派给${done.assignee.name} ${done.assigned} 件${done.refused ? `，${done.refused} 件未能分派` : ''}`}
            style={{ marginBottom: 12 }}
          />
          <List
            size="small"
            dataSource={done.results}
            renderItem={(item) => (
              <List.Item>
                <Typography.Text>{item.serialNo ?? `第 ${item.id} 号记录`}</Typography.Text>
                {item.result === 'assigned' ? (
                  <Tag color="green">已分派</Tag>
                ) : (
                  <span>
                    <Tag color="red">未分派</Tag>
                    {item.reason}
                  </span>
                )}
              </List.Item>
            )}
          />
        </div>
      ) : (
        <Form form={form} layout="vertical" onFinish={(values) => assign.mutate(values.assigneeId)}>
          <Typography.Paragraph type="secondary">
            承办人负责办理所分派的申请，答复期限的提醒发给承办人。已办结的申请不能分派。
          </Typography.Paragraph>
          <Form.Item name="assigneeId" label="承办人" rules={[{ required: true, message: '请选择承办人' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={officers.isLoading}
              placeholder="选择本机关的经办人"
              options={(officers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
