import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';

export type Notification = components['schemas']['Notification'];
export type Urge = components['schemas']['Urge'];

export const NOTIFICATIONS_KEY = ['notifications'] as const;
/** The bell asks again every minute: a reminder given meanwhile shows without a reload. */
const UNREAD_EVERY_MS = 60_000;

export function useUnread() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    refetchInterval: UNREAD_EVERY_MS,
    queryFn: () => unwrap(api.GET('/api/notifications/unread')),
  });
}

export function useNotifications(page: number, pageSize: number, unread: boolean) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', page, pageSize, unread],
    placeholderData: keepPreviousData,
    staleTime: 0,
    queryFn: () =>
      unwrap(
        api.GET('/api/notifications', {
          params: { query: { page, pageSize, ...(unread ? { unread: 'true' as const } : {}) } },
        }),
      ),
  });
}

export function markRead(ids: number[] | 'all') {
  return unwrap(api.POST('/api/notifications/read', { body: { ids } }));
}

export function useMailSettings() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'settings'],
    queryFn: () => unwrap(api.GET('/api/notifications/settings')),
  });
}

export function saveEmail(email: string | null) {
  return unwrap(api.PUT('/api/notifications/settings', { body: { email } }));
}

export const urgesKey = (organId: number) => ['urges', organId] as const;

export function useOrganUrges(organId: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...urgesKey(organId), page, pageSize],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(api.GET('/api/organs/{organId}/urges', { params: { path: { organId }, query: { page, pageSize } } })),
  });
}

export function answerUrge(id: number, answer: string) {
  return unwrap(api.POST('/api/urges/{id}/answer', { params: { path: { id } }, body: { answer } }));
}
