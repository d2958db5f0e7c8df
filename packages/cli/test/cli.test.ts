import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateReport, renderJson, rulesMarkdown, seededRandom, validateReport } from '@xxgk/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, xxgk } from './support.js';

const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xxgk-cli-'));
});

async function writeReport(name: string, edit?: (r: ReturnType<typeof generateReport>) => void): Promise<string> {
  const report = generateReport(seededRandom(5), { format: '2021', agency: '卫滨区应急管理局', year: 2023 });
  edit?.(report);
  const file = join(dir, name);
  await writeFile(file, renderJson(report));
  return file;
}

describe('xxgk check', () => {
  it('exits 0 and says so for a clean report', async () => {
    const { code, out } = await xxgk('check', await writeReport('clean.json'));
    expect(code).toBe(0);
    expect(out).toContain('卫滨区应急管理局 2023年度报告（2021 格式）');
    expect(out).toContain('未发现问题');
  });

  it('exits 1 and lists the errors in Chinese, or as JSON', async () => {
    const file = await writeReport('bad.json', (r) => {
      r.cells['s3.new.natural'] = (r.cells['s3.new.natural'] ?? 0) + 3;
    });
    const text = await xxgk('check', file);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(
      /错误 {2}s3-row-total {2}第三部分“一、本年新收政府信息公开申请数量”一行：总计为 \d+，但各类申请人之和为 \d+/,
    );
    const json = await xxgk('check', file, '--json');
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out);
    expect(parsed.counts.error).toBeGreaterThan(0);
    expect(parsed.findings.map((f: { rule: string }) => f.rule)).toContain('s3-balance');
  });

  it('runs the cross-year rules with last year’s report', async () => {
    const current = await writeReport('current.json');
    const previous = await writeReport('previous.json', (r) => {
      r.meta.year = 2022;
      r.cells['s3.carriedOut.natural'] = (r.cells['s3.carriedOut.natural'] ?? 0) + 9;
    });
    const { code, out } = await xxgk('check', current, previous);
    expect(code).toBe(1);
    expect(out).toContain('cross-year-carryover');
    expect(out).toContain('2022年度报告结转下年度继续办理为');
  });

  it('exits 2 naming the file and line of broken JSON', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{\n  "meta": {\n    "agency": "X",,\n  }\n}\n');
    const { code, err } = await xxgk('check', file);
    expect(code).toBe(2);
    expect(err).toContain(file);
    expect(err).toMatch(/第 3 行第 \d+ 列/);
    expect(err).toContain('不是有效的 JSON');
  });

  it('exits 2 naming the file and the field of a schema violation', async () => {
    const file = await writeReport('schema.json', (r) => {
      (r.meta as { year: unknown }).year = '二〇二三';
    });
    const { code, err } = await xxgk('check', file);
    expect(code).toBe(2);
    expect(err).toContain(`${file} 不是有效的年度报告`);
    expect(err).toContain('meta.year');
  });

  it('exits 2 for a file that does not exist', async () => {
    const { code, err } = await xxgk('check', join(dir, 'nope.json'));
    expect(code).toBe(2);
    expect(err).toContain('文件不存在');
  });
});

describe('xxgk template, schema, rules, render', () => {
  it('writes a blank valid report', async () => {
    const { code, out } = await xxgk('template', '--format', '2021', '--agency', '相山区应急管理局', '--year', '2024');
    expect(code).toBe(0);
    const result = validateReport(JSON.parse(out));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.report.meta).toMatchObject({ agency: '相山区应急管理局', year: 2024, format: '2021' });
  });

  it('refuses a format that does not exist', async () => {
    const { code, err } = await xxgk('template', '--format', '2020', '--agency', 'X', '--year', '2024');
    expect(code).toBe(2);
    expect(err).toContain('--format 应为 2019 或 2021');
  });

  it('prints the JSON Schema', async () => {
    const { code, out } = await xxgk('schema');
    expect(code).toBe(0);
    expect(JSON.parse(out).title).toBe('政府信息公开工作年度报告');
  });

  it('keeps docs/rules.md in step with the rules', async () => {
    expect(await readFile(join(root, 'docs/rules.md'), 'utf8')).toBe(rulesMarkdown());
  });

  it('renders text formats to stdout and CSV for several reports', async () => {
    const a = await writeReport('a.json');
    const md = await xxgk('render', a, '--to', 'md');
    expect(md.out).toContain('# 卫滨区应急管理局2023年政府信息公开工作年度报告');
    const out = join(dir, 'all.csv');
    const csv = await xxgk('render', a, await writeReport('b.json'), '--to', 'csv', '-o', out);
    expect(csv.code).toBe(0);
    expect((await readFile(out, 'utf8')).split('\n').filter(Boolean)).toHaveLength(3);
    const bad = await xxgk('render', a, '--to', 'odt');
    expect(bad.code).toBe(2);
  });

  it('runs the demo (xxgk demo)', async () => {
    const out = join(dir, 'demo');
    const { code, out: text } = await xxgk('demo', '-o', out);
    expect(code).toBe(0);
    expect(text).toContain('example-2023.json：相山区应急管理局 2023年度报告（2021 格式）\n  未发现问题');
    expect(text).toContain('cross-year-carryover');
    for (const file of [
      'example-2023.html',
      'example-2023.docx',
      'example-2023.pdf',
      'example-2023.md',
      'example-2023.cells.json',
      'examples.csv',
    ]) {
      expect((await readFile(join(out, file))).byteLength).toBeGreaterThan(1000);
    }
  });
});

describe('the installed bin', () => {
  it('runs as npx xxgk from the repository root', async () => {
    const { stdout } = await run('npx', ['--no-install', 'xxgk', 'rules'], { cwd: root });
    expect(stdout).toContain('s3-balance');
    const failed = await run('npx', ['--no-install', 'xxgk', 'check', join(dir, 'nope.json')], { cwd: root }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 2 });
  });
});
