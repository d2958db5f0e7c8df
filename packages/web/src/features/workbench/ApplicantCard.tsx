import { DELIVERY_FORM_LABELS, DELIVERY_WAY_LABELS } from '@xxgk/core';
import { Card, Descriptions, Typography } from 'antd';
import type { CaseDetail } from './types.js';

/** The applicant's particulars as the API gives them (null for those who may not see them). */
export function ApplicantCard({ detail }: { detail: CaseDetail }) {
  const a = detail.applicant;
  return (
    <Card title="申请人信息" size="small">
      {a ? (
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="身份证件号码">{a.idNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{a.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="电子邮箱">{a.email ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="通信地址">{a.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="获取信息的方式">{DELIVERY_FORM_LABELS[detail.deliveryForm]}</Descriptions.Item>
          <Descriptions.Item label="获取信息的途径">{DELIVERY_WAY_LABELS[detail.deliveryWay]}</Descriptions.Item>
          <Descriptions.Item label="查询码">{detail.queryCode ?? '—'}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">申请人的个人信息仅本机关经办人、审核人可见。</Typography.Text>
      )}
    </Card>
  );
}
