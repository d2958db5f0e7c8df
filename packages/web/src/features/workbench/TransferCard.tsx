import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import { chineseDate } from './format.js';

/** The transfer this case was sent by or came through: both organs see both ends. */
export function TransferCard({ id, organId }: { id: number; organId: number }) {
  const query = useQuery({
    queryKey: ['workbench', 'transfer', id],
    queryFn: () => unwrap(api.GET('/api/applications/{id}/transfer', { params: { path: { id } } })),
  });
  const t = query.data?.transfer;
  if (!t) return null;
  const incoming = t.toApplicationId === id;
  const own = (appId: number | null, serial: string | null, organ: number | null) =>
    appId !== null && organ === organId ? <Link to={`/workbench/${appId}`}>{serial}</Link> : (serial ?? '—');
  return (
    <Card size="small" title={incoming ? '转办来件' : '已转办'}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="转出机关">
          {t.fromOrganName}（{own(t.fromApplicationId, t.fromSerialNo, t.fromOrganId)}）
        </Descriptions.Item>
        <Descriptions.Item label="转办日期">
          {chineseDate(t.on)}
          {t.byName ? `（经办：${t.byName}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="转办理由">{t.note}</Descriptions.Item>
        <Descriptions.Item label="接收机关">
          {t.toOrganName}
          {t.toSerialNo ? `（${t.toSerialNo}）` : '（不在平台上，已告知申请人）'}
        </Descriptions.Item>
        {t.toReceivedOn && (
          <Descriptions.Item label="接收机关收到日期">
            {chineseDate(t.toReceivedOn)}
            <Typography.Text type="secondary">（答复期限自此日起计算，至{chineseDate(t.toDueOn)}）</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
