// The web app's weight and speed: `npm run bench:web` (after `npm run build`).
//
// 1. Bundle size per area: the entry (index-*.js and its CSS, shared by every area) and each
//    area's lazily loaded chunk, raw and gzipped, from packages/web/dist/assets.
// 2. The workbench's time to interactive on loopback with a cold cache: the real server (PGlite,
//    demo data) serving the built app, Debian chromium driven by playwright-core; every run is a new
//    browser context (empty cache, logged in by cookie), from navigation start until the table of
//    applications has its rows and the page's main thread has been quiet for a moment. Median of
//    --runs (default 7). Aim < 1.5 s.
// Figures go to bench/results/web.json.

import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const RUNS = Number(args.runs ?? 7);
const AIM_MS = 1500;
// --dist=DIR measures another build of the web app (e.g. an experiment built with --outDir).
const DIST = args.dist
  ? new URL(`file://${args.dist.replace(/\/?$/, '/')}`)
  : new URL('../packages/web/dist/', import.meta.url);
const ASSETS = new URL('assets/', DIST);
const WEB_DIR = DIST.pathname;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function bundleSizes() {
  const files = readdirSync(ASSETS).filter((name) => /\.(js|css)$/.test(name));
  const sizes = files.map((name) => {
    const bytes = readFileSync(new URL(name, ASSETS));
    return { name, raw: statSync(new URL(name, ASSETS)).size, gzip: gzipSync(bytes).length };
  });
  // A chunk is named by its first module: the areas are the lazily loaded pages.
  const area = (name) => /^([A-Za-z]+(?:Area|Page))-/.exec(name)?.[1];
  const groups = new Map();
  for (const file of sizes) {
    const key = area(file.name) ?? (file.name.startsWith('index-') ? '入口（所有页面共用）' : '共享块');
    const group = groups.get(key) ?? { raw: 0, gzip: 0, files: [] };
    group.raw += file.raw;
    group.gzip += file.gzip;
    group.files.push(file.name);
    groups.set(key, group);
  }
  return [...groups].map(([name, g]) => ({ name, ...g }));
}

async function timeToInteractive() {
  const { chromium } = await import('playwright-core');
  const { serve } = await import('@hono/node-server');
  const server = await import('../packages/server/dist/index.js');
  const { loadDemo } = await import('../packages/server/dist/demo/seed.js');
  const { DEMO_PASSWORD } = await import('../packages/server/dist/demo/organs.js');
  const database = await server.openDatabase({});
  await loadDemo(database.db, server.chinaToday());
  const app = server.createApp(server.createServices(database.db), { webDir: WEB_DIR });
  const http = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const base = `http://127.0.0.1:${http.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.XXGK_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'yj.jbr', password: DEMO_PASSWORD }),
  });
  const token = /xxgk_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  const times = [];
  for (let run = 0; run < RUNS + 1; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await context.addCookies([{ name: 'xxgk_session', value: token, url: base }]);
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${base}/workbench`);
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    // Interactive: the main thread has a quiet frame after the rows are in (no long task pending).
    await page.evaluate(() => new Promise((resolve) => globalThis.requestAnimationFrame(() => setTimeout(resolve, 0))));
    const elapsed = performance.now() - started;
    if (run > 0) times.push(elapsed); // the first run warms the server and chromium itself, not the page's cache
    await context.close();
  }
  await browser.close();
  await new Promise((resolve) => http.close(resolve));
  await database.close();
  times.sort((a, b) => a - b);
  return { runs: times.length, medianMs: times[Math.floor(times.length / 2)], minMs: times[0], maxMs: times.at(-1) };
}

const bundles = bundleSizes();
console.log('网页端体积（packages/web/dist/assets）');
for (const b of bundles)
  console.log(
    `  ${b.name.padEnd(20)} ${kb(b.raw).padStart(10)}  gzip ${kb(b.gzip).padStart(9)}  (${b.files.length} 个文件)`,
  );
const tti = await timeToInteractive();
console.log(
  `工作台冷缓存可交互时间：中位数 ${tti.medianMs.toFixed(0)} ms（${tti.runs} 次，最短 ${tti.minMs.toFixed(0)}，最长 ${tti.maxMs.toFixed(0)}；目标 < ${AIM_MS} ms）`,
);
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('results/web.json', import.meta.url),
  JSON.stringify({ date: new Date().toISOString(), cpus: cpus().length, bundles, tti, aimMs: AIM_MS }, null, 2),
);
