import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, withoutSystemFonts, type StartedServer } from './support/process.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../cli/bin/xxgk.js', import.meta.url));

/** The bundled Noto Sans is what a machine without fonts-noto-cjk gets, in the server and in the CLI. */
async function pdfText(file: string): Promise<{ text: string; fonts: string }> {
  const text = (await run('pdftotext', ['-layout', file, '-'])).stdout;
  const fonts = (await run('pdffonts', [file])).stdout;
  return { text, fonts };
}

describe('a bare machine (no system fonts)', () => {
  const dirs: string[] = [];
  let server: StartedServer | undefined;
  afterAll(async () => {
    server?.kill('SIGKILL');
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }, 300_000);

  it('the CLI renders a PDF with the bundled font', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xxgk-bare-'));
    dirs.push(dir);
    const report = join(dir, 'report.json');
    await run(process.execPath, [
      CLI,
      'template',
      '--format',
      '2021',
      '--agency',
      '某县应急管理局',
      '--year',
      '2025',
      '-o',
      report,
    ]);
    const pdf = join(dir, '报告.pdf');
    const [command, args] = withoutSystemFonts(process.execPath, [CLI, 'render', report, '--to', 'pdf', '-o', pdf]);
    await run(command, args);
    const { text, fonts } = await pdfText(pdf);
    expect(text).toContain('某县应急管理局');
    expect(text).toContain('主动公开政府信息情况');
    expect(fonts).toContain('NotoSansHans');
  }, 300_000);

  it('the server starts, loads the demo and publishes PDFs with the bundled font', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xxgk-bare-'));
    dirs.push(dir);
    server = await startServer({ XXGK_DATA_DIR: join(dir, 'data') }, undefined, { hideFonts: true });
    expect(server.output()).not.toContain('找不到中文字体');
    expect(server.output()).toContain('演示账号');
    // The demo published last year's report of 相山区应急管理局 (the second organ made).
    const organs = (await (await fetch(`${server.url}api/portal/organs`)).json()) as { id: number; name: string }[];
    const organ = organs.find((o) => o.name === '相山区应急管理局');
    expect(organ).toBeDefined();
    const lastYear = new Date().getFullYear() - 1;
    const response = await fetch(`${server.url}api/organs/${organ?.id}/reports/${lastYear}/published/pdf`);
    expect(response.status).toBe(200);
    const file = join(dir, 'published.pdf');
    await writeFile(file, new Uint8Array(await response.arrayBuffer()));
    const { text, fonts } = await pdfText(file);
    expect(text).toContain('相山区应急管理局');
    expect(fonts).toContain('NotoSansHans');
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
  }, 300_000);
});
