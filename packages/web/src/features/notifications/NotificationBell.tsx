import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useUnread } from './api.js';

/** The header's bell: how many reminders are unread; a click opens the list. */
export function NotificationBell() {
  const navigate = useNavigate();
  const unread = useUnread().data?.unread ?? 0;
  return (
    <Badge count={unread} size="small" overflowCount={99}>
      <Button
        type="text"
        icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
        aria-label={unread > 0 ? `提醒（${unread}条未读）` : '提醒'}
        onClick={() => navigate('/notifications')}
      />
    </Badge>
  );
}
