import { Tabs, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session.js';
import { DocumentsTab } from './DocumentsTab.js';
import { FiguresTab } from './FiguresTab.js';
import { ReviewsTab } from './ReviewsTab.js';

const TABS = ['documents', 'figures', 'reviews'] as const;
type TabKey = (typeof TABS)[number];

/** 登记簿: the registers behind sections 二 and 四 of the annual report, one tab each (/registers/<tab>). */
export default function RegistersArea() {
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const segment = location.pathname.split('/')[2] ?? '';
  const active: TabKey = (TABS as readonly string[]).includes(segment) ? (segment as TabKey) : 'documents';
  if (!user) return null;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        登记簿
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/registers/${key}`)}
        items={[
          {
            key: 'documents',
            label: '文件登记（规章、行政规范性文件）',
            children: <DocumentsTab organId={user.organId} />,
          },
          { key: 'figures', label: '年度填报数', children: <FiguresTab organId={user.organId} /> },
          { key: 'reviews', label: '复议诉讼', children: <ReviewsTab organId={user.organId} /> },
        ]}
      />
    </>
  );
}
