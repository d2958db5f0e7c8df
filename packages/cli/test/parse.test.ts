import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ALL_CELL_IDS, generateReport, renderHtml, renderText, seededRandom } from '@xxgk/core';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, xxgk } from './support.js';

const run = promisify(execFile);
const seeds = join(root, 'fixtures/seeds');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xxgk-parse-'));
  await mkdir(join(dir, 'batch/nested'), { recursive: true });
  await copyFile(join(seeds, '000_54f61b233950245c.txt'), join(dir, 'batch/000.txt'));
  await copyFile(join(seeds, '004_ba7dc12538697c10.txt'), join(dir, 'batch/nested/004.dat'));
  const report = generateReport(seededRandom(8), { format: '2021', agency: '临安区卫生健康委员会', year: 2022 });
  await writeFile(join(dir, 'batch/page.txt'), renderHtml(report));
  await writeFile(join(dir, 'batch/nested/tab.txt'), renderText(report, 'tab'));
  await writeFile(join(dir, 'batch/broken.docx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
});

describe('xxgk parse', () => {
  it('prints one --cells object per file with the public fields', async () => {
    const { code, out } = await xxgk('parse', join(seeds, '001_375dbebd2ed4a6dc.txt'), '--cells', '-j', '1');
    expect(code).toBe(0);
    const line = JSON.parse(out);
    const expected = JSON.parse(await readFile(join(seeds, 'expected/001_375dbebd2ed4a6dc.json'), 'utf8'));
    expect(Object.keys(line)).toEqual(['file', 'agency', 'year', 'format', 'cells', 'inferred', 'findings']);
    expect(line).toMatchObject({
      agency: expected.agency,
      year: expected.year,
      format: expected.format,
      cells: expected.cells,
      inferred: [],
    });
    expect(line.findings.map((f: { rule: string }) => f.rule)).toContain('agency-from-body');
  });

  it("reads PDFs with CID fonts through pdf.js's character maps, and a scan by OCR", async () => {
    const pdfs = join(root, 'fixtures/parse/pdf');
    const { out } = await xxgk('parse', join(pdfs, 'cid-ucs2-borderless.pdf'), join(pdfs, 'scan.pdf'), '--cells');
    const [cid, scan] = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(cid.agency).toBe('某某县应急管理局');
    expect(Object.keys(cid.cells).length).toBeGreaterThan(0);
    // A page of the LibreOffice 2021 report, scanned at 72 dpi: OCR reads its cells, and says so.
    expect(scan.findings.find((f: { rule: string }) => f.rule === 'pdf-ocr')?.message).toContain('scan.pdf 是扫描件');
    const printed = JSON.parse(await readFile(join(pdfs, 'report-2021.json'), 'utf8')) as {
      cells: Record<string, unknown>;
    };
    const read = Object.entries(scan.cells as Record<string, unknown>);
    expect(read.length).toBeGreaterThan(80);
    expect(read.filter(([id, value]) => printed.cells[id] !== value)).toEqual([]);
  }, 300_000);

  it('explains where a number came from', async () => {
    const { code, out } = await xxgk(
      'parse',
      join(seeds, '003_829a8659471e469f.txt'),
      '--explain',
      's2.licensing.decisions',
      '-j',
      '1',
    );
    expect(code).toBe(0);
    expect(out).toContain('s2.licensing.decisions = 105');
    expect(out).toMatch(/出处：第 \d+ 行/);
    expect(out).toContain('原文：105件');
  });

  it('reads a directory recursively by content, goes on past a bad file, and exits non-zero', async () => {
    const { code, out, err } = await xxgk('parse', join(dir, 'batch'), '--cells', '-j', '1');
    expect(code).toBe(2);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.agency, l.year])).toEqual(
      expect.arrayContaining([
        ['相山区应急管理局', 2020],
        ['卫滨区应急管理局', 2023],
        ['临安区卫生健康委员会', 2022],
      ]),
    );
    expect(lines).toHaveLength(4);
    expect(err).toContain('broken.docx');
    expect(err).toContain('共 5 个文件：读取 4 个，失败 1 个');
  });

  it('refuses a 100 MB file by its size, naming it, without reading it', async () => {
    const big = join(dir, 'huge.pdf');
    await writeFile(big, '');
    await truncate(big, 100 * 1024 * 1024);
    const { code, err } = await xxgk('parse', big, '--cells');
    expect(code).toBe(2);
    expect(err).toContain(`${big}：文件大小 104857600 字节，超过上限 52428800 字节`);
    const raised = await xxgk('parse', big, '--cells', '--max-size', '200');
    // With the limit raised it is read, and rejected for what it is: zeros, not a report.
    expect(raised.code).toBe(2);
    expect(raised.err).toContain('huge.pdf：内容是二进制数据');
  });

  it('writes one CSV row per report, one column per cell ID', async () => {
    const out = join(dir, 'all.csv');
    await xxgk('parse', join(dir, 'batch'), '--csv', '-o', out, '-j', '1');
    const rows: string[][] = parseCsv(await readFile(out, 'utf8'), { bom: true });
    expect(rows[0]).toEqual(['file', 'agency', 'year', 'format', ...ALL_CELL_IDS]);
    expect(rows).toHaveLength(5);
  });

  it('runs a batch on worker threads with the built CLI', async () => {
    const failed = await run(
      'node',
      [join(root, 'packages/cli/bin/xxgk.js'), 'parse', join(dir, 'batch'), '--cells', '-j', '2'],
      { cwd: root },
    ).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2 });
    const { stdout, stderr } = failed as { stdout: string; stderr: string };
    expect(stdout.trim().split('\n')).toHaveLength(4);
    expect(stderr).toContain('共 5 个文件：读取 4 个，失败 1 个');
  });
});
