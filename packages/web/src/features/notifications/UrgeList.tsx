import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { PagedTable } from '../../components/PagedTable.js';
import { EmptyState } from '../../components/PageState.js';
import { dateTime } from '../workbench/format.js';
import { answerUrge, urgesKey, useOrganUrges, type Urge } from './api.js';

const PAGE_SIZE = 10;

/** The answer, or who answered when: the 政务公开办 reads the same. */
export function UrgeAnswerCell({ urge }: { urge: Urge }) {
  if (urge.answer === null) return <Typography.Text type="danger">未答复</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text>{urge.answer}</Typography.Text>
      <Typography.Text type="secondary">
        {[urge.answeredByName, urge.answeredAt ? dateTime(urge.answeredAt) : ''].join(' ')}
      </Typography.Text>
    </Space>
  );
}

/** The 催办 an organ received; its staff answer each in writing. */
export function UrgeList({ organId, canAnswer }: { organId: number; canAnswer: boolean }) {
  const [page, setPage] = useState(1);
  const [answering, setAnswering] = useState<Urge | null>(null);
  const result = useOrganUrges(organId, page, PAGE_SIZE);
  return (
    <>
      <PagedTable<Urge>
        size="small"
        rowKey="id"
        unit="次"
        result={result}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        empty={<EmptyState description="没有收到催办" />}
        columns={[
          { title: '催办事由', dataIndex: 'reasonText', width: 250 },
          { title: '催办内容', dataIndex: 'message' },
          {
            title: '催办机关',
            key: 'sent',
            width: 210,
            render: (_: unknown, u) => (
              <Space orientation="vertical" size={0}>
                <span>{u.sentBy}</span>
                <Typography.Text type="secondary">{dateTime(u.sentAt)}</Typography.Text>
              </Space>
            ),
          },
          {
            title: '答复',
            key: 'answer',
            width: 260,
            render: (_: unknown, u) =>
              u.answer === null && canAnswer ? (
                <Button type="primary" size="small" onClick={() => setAnswering(u)}>
                  答复
                </Button>
              ) : (
                <UrgeAnswerCell urge={u} />
              ),
          },
        ]}
      />
      {answering && <AnswerModal urge={answering} organId={organId} onClose={() => setAnswering(null)} />}
    </>
  );
}

function AnswerModal({ urge, organId, onClose }: { urge: Urge; organId: number; onClose(): void }) {
  const [form] = Form.useForm<{ answer: string }>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (answer: string) => answerUrge(urge.id, answer),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: urgesKey(organId) });
      message.success('已答复催办');
      onClose();
    },
  });
  return (
    <Modal
      open
      title={`答复催办：${urge.reasonText}`}
      okText="提交答复"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{urge.message}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values.answer)}>
        <Form.Item
          name="answer"
          label="答复内容"
          rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="说明原因和办理安排" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
