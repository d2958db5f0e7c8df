import type { QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Loading } from '../components/PageState.js';
import LoginPage from '../features/auth/LoginPage.js';
import { homeFor, useSession, type SessionUser } from '../features/auth/session.js';
import { prefetchWorkbench } from '../features/workbench/queries.js';
import { AppLayout } from './AppLayout.js';

type PageModule = Promise<{ default: ComponentType }>;

/** Each area is its own chunk, loaded when first visited. */
const AREAS: Readonly<Record<string, () => PageModule>> = {
  '/portal': () => import('../features/portal/PortalPage.js'),
  '/workbench': () => import('../features/workbench/WorkbenchArea.js'),
  '/registers': () => import('../features/registers/RegistersArea.js'),
  '/reports': () => import('../features/reports/ReportsArea.js'),
  '/import': () => import('../features/import/ImportArea.js'),
  '/supervision': () => import('../features/supervision/SupervisionArea.js'),
  '/corpus-import': () => import('../features/corpus-import/CorpusImportArea.js'),
  '/admin': () => import('../features/admin/AdminArea.js'),
  '/notifications': () => import('../features/notifications/NotificationsArea.js'),
  '/print': () => import('../features/print/PrintArea.js'),
  '/corpus': () => import('../features/corpus/CorpusPublicPage.js'),
  '/analysis': () => import('../features/corpus/CorpusArea.js'),
};

/*
 * The area the address names starts loading at once, while the session is still being checked,
 * rather than after it: one round trip less before the first page shows.
 */
const opening = Object.keys(AREAS).find((prefix) => window.location.pathname.startsWith(prefix));
if (opening) void AREAS[opening]?.();

/**
 * Likewise the data of the page the address names, asked for once the session is known (main.tsx)
 * instead of after the area's script has loaded and rendered: the workbench's counts and list.
 */
export function prefetchOpeningPage(client: QueryClient, user: SessionUser): void {
  const workbench = homeFor(user.role) === '/workbench';
  if (workbench && window.location.pathname === '/workbench' && window.location.search === '')
    prefetchWorkbench(client, user.organId);
}

function page(prefix: string) {
  const Page: LazyExoticComponent<ComponentType> = lazy(AREAS[prefix] as () => PageModule);
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

function Home() {
  const { user, loading } = useSession();
  if (loading) return <Loading />;
  return <Navigate to={user ? homeFor(user.role) : '/login'} replace />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/portal/*', element: page('/portal') },
  // Print pages stand outside the app's frame: the sheet alone, no menu or header.
  { path: '/print/*', element: page('/print') },
  // The published corpus is open to anyone: no login, the public frame.
  { path: '/corpus/*', element: page('/corpus') },
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/workbench/*', element: page('/workbench') },
      { path: '/registers/*', element: page('/registers') },
      { path: '/reports/*', element: page('/reports') },
      { path: '/import/*', element: page('/import') },
      { path: '/supervision/*', element: page('/supervision') },
      { path: '/corpus-import', element: page('/corpus-import') },
      { path: '/analysis/*', element: page('/analysis') },
      { path: '/admin/*', element: page('/admin') },
      { path: '/notifications', element: page('/notifications') },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
