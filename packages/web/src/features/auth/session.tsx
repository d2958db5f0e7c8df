import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@xxgk/core';
import { createContext, useContext, type ReactNode } from 'react';
import { api, setCsrfToken, unwrap } from '../../api/client.js';

export interface SessionUser {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly organId: number;
}

interface SessionValue {
  readonly user: SessionUser | null;
  readonly loading: boolean;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/**
 * Who is logged in, from the session cookie; the CSRF token is kept for changing requests. The
 * query is started by main.tsx before React's first render, so that the check runs while the
 * page's scripts are still being evaluated.
 */
export const sessionQuery = queryOptions({
  queryKey: ['me'],
  retry: false,
  queryFn: async (): Promise<SessionUser | null> => {
    // Anonymous is an answer (200, user null), not an error the browser's console would log.
    const body = await unwrap(api.GET('/api/auth/me'));
    setCsrfToken(body.csrfToken ?? undefined);
    return body.user as SessionUser | null;
  },
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const me = useQuery(sessionQuery);
  const value: SessionValue = {
    user: me.data ?? null,
    loading: me.isLoading,
    async login(username, password) {
      const body = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
      setCsrfToken(body.csrfToken);
      client.setQueryData(sessionQuery.queryKey, body.user as SessionUser);
      return body.user as SessionUser;
    },
    async logout() {
      await unwrap(api.POST('/api/auth/logout'));
      setCsrfToken(undefined);
      client.clear();
      client.setQueryData(sessionQuery.queryKey, null);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The page each role starts on after login. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'supervisor':
      return '/supervision';
    case 'sysAdmin':
      return '/admin';
    default:
      return '/workbench';
  }
}
