// First: zod's settings must be in place before any schema is built (see zodConfig.ts).
import './zodConfig.js';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
// Ant Design's styles as one prebuilt sheet (zero-runtime mode): the components don't compute
// and inject their CSS while the first page renders, which was half of the workbench's start-up.
import 'antd/dist/antd.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { prefetchOpeningPage, router } from './app/router.js';
import { SessionProvider, sessionQuery } from './features/auth/session.js';

dayjs.locale('zh-cn');

/** The seal red of government sites; tokens still reach the prebuilt sheet as CSS variables. */
const THEME = { zeroRuntime: true, token: { colorPrimary: '#b7262d', borderRadius: 4 } } as const;

const queries = new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, refetchOnWindowFocus: false } } });

// Who is logged in, then the opening page's data: asked for before React's first render.
queries
  .fetchQuery(sessionQuery)
  .then((user) => user && prefetchOpeningPage(queries, user))
  .catch(() => undefined); // SessionProvider's query shows the error

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queries}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
