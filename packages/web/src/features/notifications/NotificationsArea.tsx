import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session.js';
import { EmailSettings } from './EmailSettings.js';
import { NotificationList } from './NotificationList.js';
import { UrgeList } from './UrgeList.js';
import './notifications.css';

const STAFF = ['officer', 'reviewer', 'organAdmin'];

/** 提醒: the person's reminders, the 催办 their organ received (to answer), and their mail address. */
export default function NotificationsArea() {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  if (!user) return null;
  const staff = STAFF.includes(user.role);
  const tab = params.get('tab') ?? 'list';
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        提醒
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'list' ? {} : { tab: key })}
        items={[
          { key: 'list', label: '我的提醒', children: <NotificationList /> },
          ...(staff
            ? [{ key: 'urges', label: '收到的催办', children: <UrgeList organId={user.organId} canAnswer={staff} /> }]
            : []),
          { key: 'mail', label: '邮件提醒', children: <EmailSettings /> },
        ]}
      />
    </Card>
  );
}
