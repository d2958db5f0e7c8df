import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { chinaToday } from './clock.js';
import { openDatabase } from './db/database.js';
import { loadDemoCorpus } from './demo/corpus.js';
import { isEmpty, loadDemo } from './demo/seed.js';
import { createApp } from './http/app.js';
import { mailConfigFrom, smtpMailer } from './features/notifications/mail.js';
import { startReminderTimer } from './features/notifications/timer.js';
import { createServices } from './services.js';
import { signInLines } from './start/sign-in.js';

export interface ServerConfig {
  readonly port: number;
  readonly databaseUrl?: string;
  readonly dataDir: string;
  /** Load the demo into an empty database (default on; XXGK_DEMO=0 turns it off). */
  readonly demo: boolean;
  /**
   * Behind one reverse proxy (XXGK_TRUST_PROXY=1): trust its X-Forwarded-For (the client's address,
   * which login throttling and the portal's limits count by) and X-Forwarded-Proto (a Secure
   * session cookie when it says https). Off by default: without a proxy, anyone could write them.
   */
  readonly trustProxy: boolean;
  /** Reminder mails through SMTP (XXGK_SMTP_URL, XXGK_SMTP_FROM); absent = no mail. */
  readonly mail?: ReturnType<typeof mailConfigFrom>;
}

export function configFrom(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT 应为 0–65535 的整数，而不是“${env.PORT}”`);
  return {
    port,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dataDir: resolve(env.XXGK_DATA_DIR ?? 'xxgk-data'),
    demo: env.XXGK_DEMO !== '0',
    trustProxy: trustProxyFrom(env.XXGK_TRUST_PROXY),
    mail: mailConfigFrom(env),
  };
}

function trustProxyFrom(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new Error(`XXGK_TRUST_PROXY 应为 1（在一个反向代理之后）或 0，而不是“${value}”`);
}

/**
 * Loads the demo into an empty database: the organs, accounts and their work in one transaction,
 * then a corpus of published reports for the public page (/corpus) and the 年报数据分析, through
 * the real import. Only with the demo itself, so a real organ's database never gets made-up reports.
 */
async function loadDemoData(database: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  console.log('xxgk：数据库为空，正在载入演示数据……');
  let started = Date.now();
  const demo = await loadDemo(database.db, chinaToday());
  if (!demo) return;
  let seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`xxgk：演示数据已载入（${demo.organs} 个机关、${demo.applications} 件申请，${seconds} 秒）`);
  started = Date.now();
  const reports = await loadDemoCorpus(database.db);
  seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`xxgk：演示报告语料已载入（${reports} 份已发布的年度报告，${seconds} 秒），公开页面 /corpus`);
  await database.analyze();
}

/** Starts the server: opens (and migrates) the database, loads the demo into an empty one, listens. */
export async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const config = configFrom(env);
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  const where = database.engine === 'postgres' ? 'PostgreSQL（DATABASE_URL）' : `PGlite（${config.dataDir}）`;
  console.log(`xxgk：数据库 ${where}`);
  if (config.demo && (await isEmpty(database.db))) await loadDemoData(database);
  const mailer = config.mail ? smtpMailer(config.mail) : undefined;
  if (config.mail) console.log(`xxgk：提醒邮件经 SMTP 发出（${new URL(config.mail.url).host}）`);
  const services = createServices(database.db, mailer ? { mailer } : {});
  const stopReminders = startReminderTimer(services.notifications, services.today);
  for (const line of await signInLines(database.db, services, env)) console.log(line);
  // PGlite has no autovacuum: refresh the planner's statistics as the tables grow.
  if (database.engine === 'pglite') setInterval(() => void database.analyze(), 10 * 60_000).unref();
  const app = createApp(services, { trustProxy: config.trustProxy });
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    console.log(`xxgk：已启动 http://localhost:${info.port}/  （API 说明 /api/openapi.json，健康检查 /api/health）`);
  });
  const stop = () => {
    stopReminders();
    mailer?.close();
    server.close(() => void database.close().then(() => process.exit(0)));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
