import {
  AuditOutlined,
  BarChartOutlined,
  LineChartOutlined,
  BookOutlined,
  CloudUploadOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  LogoutOutlined,
  ProfileOutlined,
} from '@ant-design/icons';
import { ROLE_LABELS, type Role } from '@xxgk/core';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Loading } from '../components/PageState.js';
import { useSession } from '../features/auth/session.js';
import { NotificationBell } from '../features/notifications/NotificationBell.js';

interface Area {
  readonly path: string;
  readonly label: string;
  readonly icon: ReactNode;
  readonly roles: readonly Role[];
}

const STAFF: readonly Role[] = ['officer', 'reviewer', 'organAdmin'];

/** The areas of the back office, each shown to the roles that work in it. */
export const AREAS: readonly Area[] = [
  { path: '/workbench', label: '依申请公开', icon: <ProfileOutlined />, roles: STAFF },
  { path: '/registers', label: '登记簿', icon: <BookOutlined />, roles: STAFF },
  { path: '/reports', label: '年度报告', icon: <FileTextOutlined />, roles: STAFF },
  { path: '/import', label: '导入报告', icon: <CloudUploadOutlined />, roles: STAFF },
  { path: '/supervision', label: '监督', icon: <BarChartOutlined />, roles: ['supervisor', 'sysAdmin'] },
  { path: '/corpus-import', label: '语料导入', icon: <DatabaseOutlined />, roles: ['supervisor'] },
  { path: '/analysis', label: '年报数据分析', icon: <LineChartOutlined />, roles: ['supervisor', 'sysAdmin'] },
  { path: '/admin', label: '系统管理', icon: <AuditOutlined />, roles: ['sysAdmin'] },
];

export function AppLayout() {
  const { user, loading, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (loading) return <Loading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  const areas = AREAS.filter((area) => area.roles.includes(user.role));
  const selected = areas.find((area) => location.pathname.startsWith(area.path))?.path;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 20 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
          政府信息公开工作平台
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selected ? [selected] : []}
          items={areas.map((area) => ({ key: area.path, icon: area.icon, label: area.label }))}
          onClick={({ key }) => navigate(key)}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Space>
          <NotificationBell />
          <Typography.Text style={{ color: '#fff' }}>
            {user.name}（{ROLE_LABELS[user.role]}）
          </Typography.Text>
          <Button
            icon={<LogoutOutlined />}
            onClick={async () => {
              await logout();
              navigate('/login');
            }}
          >
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 20 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
