import { Card, Typography } from 'antd';

/** What 第二十九条 asks an application to contain, shown beside the form. */
export function LawNote() {
  return (
    <Card title="申请须知" size="small">
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        《中华人民共和国政府信息公开条例》第二十九条
      </Typography.Paragraph>
      <Typography.Paragraph>政府信息公开申请应当包括下列内容：</Typography.Paragraph>
      <ol style={{ paddingLeft: 20, marginTop: 0 }}>
        <li>申请人的姓名或者名称、身份证明、联系方式；</li>
        <li>申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；</li>
        <li>申请公开的政府信息的形式要求，包括获取信息的方式、途径。</li>
      </ol>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        行政机关收到申请之日起 20 个工作日内予以答复；内容不明确的，将在 7 个工作日内一次性告知补正，
        答复期限自收到补正后的申请之日起计算。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        提交后请妥善保存查询码，凭查询码查看办理进度、下载答复书。
      </Typography.Paragraph>
    </Card>
  );
}
