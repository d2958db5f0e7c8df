import { Alert, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ProvisionalDate } from './ProvisionalDate.js';
import type { PortalReceipt } from './types.js';

/** After submitting: the 查询码 to keep, the serial number and the 答复期限. */
export function ReceiptView({ receipt, onAnother }: { receipt: PortalReceipt; onAnother: () => void }) {
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status="success"
        title="申请已提交"
        subTitle={`${receipt.organName}已于 ${receipt.receivedOn} 收到您的申请（网上申请以本平台确认之日为收到申请之日）`}
        style={{ paddingBottom: 8 }}
      />
      <div style={{ textAlign: 'center', marginBottom: 24 }}>
        <Typography.Text type="secondary">您的查询码</Typography.Text>
        <div
          data-testid="query-code"
          style={{ fontSize: 36, fontWeight: 700, letterSpacing: 6, fontFamily: 'monospace', color: '#b7262d' }}
        >
          <Typography.Text
            copyable={{ text: receipt.queryCode, tooltips: ['复制', '已复制'] }}
            style={{ fontSize: 36, color: '#b7262d' }}
          >
            {receipt.queryCode}
          </Typography.Text>
        </div>
        <Alert
          type="warning"
          showIcon
          title="请抄写或截图保存查询码：凭查询码查看办理进度、下载答复书；查询码遗失无法找回。"
          style={{ maxWidth: 640, margin: '12px auto 0', textAlign: 'left' }}
        />
      </div>
      <Descriptions
        bordered
        column={1}
        style={{ maxWidth: 640, margin: '0 auto' }}
        items={[
          { key: 'serial', label: '申请编号', children: receipt.serialNo },
          { key: 'organ', label: '受理机关', children: receipt.organName },
          { key: 'received', label: '收到申请日期', children: receipt.receivedOn },
          {
            key: 'due',
            label: '答复期限',
            children: receipt.dueOn ? (
              <ProvisionalDate date={receipt.dueOn} provisional={receipt.dueProvisional} suffix="（20 个工作日）" />
            ) : (
              '待受理机关确定'
            ),
          },
        ]}
      />
      <Space style={{ width: '100%', justifyContent: 'center', marginTop: 24 }}>
        <Button
          type="primary"
          onClick={() => void navigate(`/portal/status?code=${encodeURIComponent(receipt.queryCode)}`)}
        >
          查看办理进度
        </Button>
        <Button onClick={onAnother}>再提交一份申请</Button>
      </Space>
    </Card>
  );
}
