import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from './support/process.js';

/** `npm start`, the README's first command: the built server starts on PGlite with the demo and serves the web app. */
describe('npm start', () => {
  const dirs: string[] = [];
  const servers: StartedServer[] = [];
  afterAll(async () => {
    for (const server of servers) server.kill('SIGKILL');
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }, 300_000);
  async function dataDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'xxgk-start-'));
    dirs.push(dir);
    return join(dir, 'data');
  }
  async function start(env: Record<string, string>, waitFor?: RegExp): Promise<StartedServer> {
    const server = await startServer(env, waitFor);
    servers.push(server);
    return server;
  }

  it('loads the demo all or nothing: a start killed while loading leaves nothing, the next start loads it all, prints the accounts and serves the API and the web app', async () => {
    const data = await dataDir();
    const first = await start({ XXGK_DATA_DIR: data }, /正在载入演示数据/);
    // Well into the load (it takes several seconds), and before it ends.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(first.output()).not.toContain('演示数据已载入');
    first.kill('SIGKILL');
    await first.exited;

    // The second start is the README's first command on an empty data directory: it loads the whole
    // demo, prints the accounts and serves the API and the web app.
    const second = await start({ XXGK_DATA_DIR: data });
    expect(second.output()).toContain('数据库为空，正在载入演示数据');
    expect(second.output()).toContain('演示账号（密码均为 Xxgk-demo-2026');
    expect(second.output()).toMatch(/gkb\s+政务公开办/);
    expect(await (await fetch(`${second.url}api/health`)).json()).toEqual({ status: 'ok' });
    const page = await fetch(`${second.url}workbench`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<div id="root">');
    expect(second.output()).toMatch(/演示数据已载入（\d+ 个机关、\d+ 件申请/);
    // With the demo, a corpus of published reports for the public page, read through the real import.
    expect(second.output()).toMatch(/演示报告语料已载入（2\d\d 份已发布的年度报告/);
    const figures = await fetch(`${second.url}api/corpus/figures?by=year`);
    const byYear = (await figures.json()) as { totals: { measures: Record<string, number> } };
    expect(byYear.totals.measures['reports']).toBeGreaterThan(200);
    expect(byYear.totals.measures['applications']).toBeGreaterThan(0);
    second.kill('SIGTERM');
    await second.exited;

    // A later start loads nothing and still says how to sign in.
    const third = await start({ XXGK_DATA_DIR: data });
    expect(third.output()).not.toContain('正在载入演示数据');
    expect(third.output()).toContain('演示账号（密码均为 Xxgk-demo-2026');
    expect(third.output()).toMatch(/yj\.jbr\s+经办人\s+相山区应急管理局/);
    const login = await fetch(`${third.url}api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'yj.jbr', password: 'Xxgk-demo-2026' }),
    });
    expect(login.status).toBe(200);
    third.kill('SIGTERM');
  }, 300_000);

  it('without the demo, makes a first system administrator on an empty database and prints its password once', async () => {
    const data = await dataDir();
    const first = await start({ XXGK_DATA_DIR: data, XXGK_DEMO: '0', XXGK_ORGAN_NAME: '某市人民政府' });
    const printed = /已创建系统管理员 admin（某市人民政府），初始密码 (\S+)/.exec(first.output());
    expect(printed).not.toBeNull();
    const login = await fetch(`${first.url}api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: printed?.[1] }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { user: { role: string } }).user.role).toBe('sysAdmin');
    first.kill('SIGTERM');
    await first.exited;

    const second = await start({ XXGK_DATA_DIR: data, XXGK_DEMO: '0' });
    expect(second.output()).not.toContain('初始密码');
    expect(second.output()).not.toContain('演示账号');
    expect(second.output()).toContain('请用本单位已有的账号登录');
    second.kill('SIGTERM');
  }, 300_000);
});
