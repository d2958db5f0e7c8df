import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/xxgk-server.js', import.meta.url));

/** `npm start`, the README's first command: the built server starts on PGlite with the demo and serves the web app. */
describe('npm start', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('loads the demo into an empty data directory, prints the accounts and serves the API and the web app', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xxgk-start-'));
    dirs.push(dir);
    const child = spawn(process.execPath, [BIN], {
      env: { ...process.env, PORT: '0', XXGK_DATA_DIR: join(dir, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`未在 120 秒内启动：\n${output}`)), 120_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const started = /已启动 (http:\/\/localhost:\d+\/)/.exec(output);
          if (started) {
            clearTimeout(timer);
            resolve(started[1] as string);
          }
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (code) => reject(new Error(`退出（${code}）：\n${output}`)));
      });
      expect(output).toContain('演示账号（密码均为 Xxgk-demo-2026');
      expect(output).toMatch(/gkb\s+政务公开办/);
      expect(await (await fetch(`${url}api/health`)).json()).toEqual({ status: 'ok' });
      const page = await fetch(`${url}workbench`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
