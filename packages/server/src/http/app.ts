import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { z } from 'zod';
import { applicationRoutes } from '../features/applications/routes.js';
import { exportRoutes } from '../features/exports/routes.js';
import { auditRoutes } from '../features/audit/routes.js';
import { authRoutes } from '../features/auth/routes.js';
import { calendarRoutes } from '../features/calendar/routes.js';
import { organRoutes } from '../features/organs/routes.js';
import { portalRoutes } from '../features/portal/routes.js';
import { registerRoutes } from '../features/registers/routes.js';
import { reportRoutes } from '../features/reports/routes.js';
import { supervisionRoutes } from '../features/supervision/routes.js';
import { statisticsRoutes } from '../features/statistics/routes.js';
import { importRoutes } from '../features/imports/routes.js';
import { corpusRoutes } from '../features/corpus/routes.js';
import { notificationRoutes } from '../features/notifications/routes.js';
import { transferRoutes } from '../features/transfers/routes.js';
import { urgeRoutes } from '../features/urges/routes.js';
import { workloadRoutes } from '../features/workload/routes.js';
import { corpusAnalysisRoutes } from '../features/corpus-analysis/routes.js';
import type { Services } from '../services.js';
import type { App, AppEnv } from './env.js';
import { databaseAnswers } from '../db/health.js';
import { errorAnswer, type ErrorBody } from './errors.js';
import { tooLarge, unavailable } from '../errors.js';
import { validationError } from './openapi.js';
import { identifyClient } from './client.js';
import { session } from './session.js';
import { textGuard } from './text.js';
import { logError } from '../log.js';
import { serveWeb } from './web.js';

// Validation messages in Chinese for every schema the server checks.
z.config(z.locales.zhCN());

export const MAX_BODY_BYTES = 50 * 1024 * 1024;

export type { App } from './env.js';

const API_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'xxgk 政府信息公开工作平台 API',
    version: '0.1.0',
    description: '依申请公开办理、主动公开登记、行政复议和诉讼登记、年度报告编制发布与监督。',
  },
};

/** The OpenAPI description without a database: the routes are all it needs. */
export function apiDescription() {
  return createApp(undefined as unknown as Services, { webDir: false }).getOpenAPI31Document(API_INFO);
}

/** The HTTP API: thin routes over the services; every failure leaves as one JSON error shape. */
export interface AppOptions {
  /** The built web app to serve at `/`; absent = API only. */
  readonly webDir?: string | false;
  /**
   * One reverse proxy sits in front (`XXGK_TRUST_PROXY=1`): take the client's address from its
   * X-Forwarded-For and the scheme from X-Forwarded-Proto (the session cookie is Secure over https).
   */
  readonly trustProxy?: boolean;
}

/**
 * What the built web app needs and no more: its own scripts only (no inline script, no eval); styles
 * inline as well, for Ant Design's CSS-in-JS and React's style props; the captcha's SVG as a data:
 * image and saved files as blob: URLs; never framed by another site.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function createApp(services: Services, options: AppOptions = {}): App {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      xFrameOptions: 'DENY',
      permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
    }),
  );
  app.use('/api/*', identifyClient(options.trustProxy ?? false));
  app.use('/api/*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw tooLarge(`请求超过 ${MAX_BODY_BYTES / 1024 / 1024} MB`);
      },
    }),
  );
  app.use('/api/*', textGuard);
  app.use('/api/*', session);

  app.get('/api/health', async (c) => {
    if (!(await databaseAnswers(services.db))) throw unavailable('数据库无应答，请稍后重试或联系系统管理员');
    return c.json({ status: 'ok' });
  });

  authRoutes(app);
  organRoutes(app);
  calendarRoutes(app);
  applicationRoutes(app);
  registerRoutes(app);
  reportRoutes(app);
  statisticsRoutes(app);
  workloadRoutes(app);
  supervisionRoutes(app);
  importRoutes(app);
  corpusRoutes(app);
  notificationRoutes(app);
  urgeRoutes(app);
  transferRoutes(app);
  auditRoutes(app);
  exportRoutes(app);
  portalRoutes(app);
  corpusAnalysisRoutes(app);

  app.doc31('/api/openapi.json', API_INFO);
  if (options.webDir !== false) serveWeb(app, options.webDir);

  app.notFound((c) => c.json<ErrorBody>({ error: { code: 'not-found', message: '接口不存在' } }, 404));
  // The one place a failure becomes an answer: see errorAnswer for what is known.
  app.onError((error, c) => {
    const known = errorAnswer(error);
    if (known) {
      for (const [name, value] of Object.entries(known.headers ?? {})) c.header(name, value);
      return c.json(known.body, known.status);
    }
    logError(error, `${c.req.method} ${c.req.path}`);
    return c.json<ErrorBody>(
      { error: { code: 'internal', message: '服务器内部错误，请稍后重试或联系系统管理员' } },
      500,
    );
  });
  return app;
}
