import { usePublicPage } from '../../components/usePublicPage.js';
import { Layout, Typography } from 'antd';
import { Link, NavLink, Route, Routes } from 'react-router';
import ApplyPage from './ApplyPage.js';
import StatusPage from './StatusPage.js';

const navStyle = ({ isActive }: { isActive: boolean }) => ({
  color: '#fff',
  padding: '6px 16px',
  borderRadius: 4,
  fontSize: 16,
  background: isActive ? 'rgba(255,255,255,0.22)' : 'transparent',
  fontWeight: isActive ? 600 : 400,
});

/** The public portal, without login: apply online (申请) and follow an application by its query code (查询). */
export default function PortalPage() {
  usePublicPage('政府信息公开申请');
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header
        style={{
          background: '#b7262d',
          display: 'flex',
          alignItems: 'center',
          gap: 24,
          paddingInline: 32,
          height: 64,
        }}
      >
        <Typography.Title level={3} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          政府信息公开申请
        </Typography.Title>
        <nav aria-label="门户导航" style={{ display: 'flex', gap: 8, flex: 1 }}>
          <NavLink to="/portal" end style={navStyle}>
            提交申请
          </NavLink>
          <NavLink to="/portal/status" style={navStyle}>
            查询办理进度
          </NavLink>
        </nav>
        <Link to="/login" style={{ color: '#fff', opacity: 0.9 }}>
          工作人员登录
        </Link>
      </Layout.Header>
      <Layout.Content style={{ width: '100%', maxWidth: 1180, margin: '0 auto', padding: '20px 24px 32px' }}>
        <Routes>
          <Route index element={<ApplyPage />} />
          <Route path="status" element={<StatusPage />} />
          <Route path="*" element={<ApplyPage />} />
        </Routes>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#888', padding: '12px 24px' }}>
        依据《中华人民共和国政府信息公开条例》受理申请 · 网上申请以本平台确认之日为收到申请之日（第三十一条）
      </Layout.Footer>
    </Layout>
  );
}
