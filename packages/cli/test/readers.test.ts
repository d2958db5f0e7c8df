import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  REPORT_FORMATS,
  SECTION_TITLES,
  displayValue,
  formatCellIds,
  generateReport,
  layoutTables,
  renderJson,
  seededRandom,
  type Report,
} from '@xxgk/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';

/*
 * The DOCX and PDF files are opened by the readers a user has: LibreOffice converts the DOCX
 * to PDF, and poppler's pdftotext reads both PDFs back. CI installs both (see .ci/run); a
 * machine without them fails here rather than passing untested.
 */
const run = promisify(execFile);

let dir: string;
const reports = new Map<string, Report>();
const text = new Map<string, string>();

async function pdfText(file: string): Promise<string> {
  return (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xxgk-readers-'));
  const docs: string[] = [];
  for (const format of REPORT_FORMATS) {
    const report = generateReport(seededRandom(2024), { format, agency: '海盐县应急管理局' });
    reports.set(format, report);
    const json = join(dir, `r${format}.json`);
    await writeFile(json, renderJson(report));
    const quiet = { out: () => undefined, err: () => undefined };
    expect(await main(['render', json, '--to', 'pdf', '-o', join(dir, `r${format}.pdf`)], quiet)).toBe(0);
    expect(await main(['render', json, '--to', 'docx', '-o', join(dir, `r${format}-word.docx`)], quiet)).toBe(0);
    docs.push(join(dir, `r${format}-word.docx`));
  }
  await run(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${dir}/lo-profile`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...docs,
    ],
    { timeout: 180_000 },
  );
  for (const format of REPORT_FORMATS) {
    text.set(`${format}/pdf`, await pdfText(join(dir, `r${format}.pdf`)));
    text.set(`${format}/docx`, await pdfText(join(dir, `r${format}-word.pdf`)));
  }
}, 240_000);

/** Whether `label` stands in the text as one run, ignoring line breaks and spaces. */
function readable(content: string, label: string): boolean {
  return content.replace(/\s+/g, '').includes(label.replace(/\s+/g, ''));
}

/**
 * Whether a table label stands in the text as whole pieces: a label wrapped in a narrow cell
 * comes out of pdftotext as several lines, not always next to each other ("2.其他法律行政法规
 * 禁止公" … "开"), or beside its neighbour cell's line ("社会 法律"), but each piece is a line
 * or a space-separated run of its own.
 */
function readableLabel(lines: ReadonlySet<string>, label: string, pieces = 4): boolean {
  if (lines.has(label)) return true;
  if (pieces === 1) return false;
  for (let cut = 1; cut < label.length; cut += 1) {
    if (lines.has(label.slice(0, cut)) && readableLabel(lines, label.slice(cut), pieces - 1)) return true;
  }
  return false;
}

/** Each number as often as the tables print it: a dropped or misprinted value is missing. */
function missingNumbers(content: string, report: Report, format: '2019' | '2021'): string[] {
  const found = new Map<string, number>();
  for (const token of content.replace(/\u2212/g, '-').match(/-?\d+(?:\.\d+)?/g) ?? []) {
    found.set(token, (found.get(token) ?? 0) + 1);
  }
  const missing: string[] = [];
  for (const id of formatCellIds(format)) {
    const shown = displayValue(report, id);
    const left = found.get(shown) ?? 0;
    if (left === 0) missing.push(`${id}=${shown}`);
    else found.set(shown, left - 1);
  }
  return missing;
}

describe.each(REPORT_FORMATS.flatMap((format) => (['pdf', 'docx'] as const).map((kind) => [format, kind] as const)))(
  'format %s as %s, read back',
  (format, kind) => {
    it('holds the title, every section heading and every table label', () => {
      const content = text.get(`${format}/${kind}`) as string;
      const report = reports.get(format) as Report;
      expect(readable(content, `${report.meta.agency}${report.meta.year}年政府信息公开工作年度报告`)).toBe(true);
      for (const title of Object.values(SECTION_TITLES)) expect(readable(content, title), title).toBe(true);
      const labels = layoutTables(format, format === '2019' ? 'single' : 'subRows').flatMap((table) =>
        table.rows.flatMap((row) => row.flatMap((cell) => (cell.text ? [cell.text] : []))),
      );
      const lines = new Set(
        content.split('\n').flatMap((line) => [line.replace(/\s+/g, ''), ...line.trim().split(/\s+/)]),
      );
      const unreadable = labels.filter(
        (label) => !readable(content, label) && !readableLabel(lines, label.replace(/\s+/g, '')),
      );
      expect(unreadable).toEqual([]);
      for (const paragraph of report.sections.overview.subsections.flatMap((s) => s.paragraphs)) {
        expect(readable(content, paragraph)).toBe(true);
      }
    });

    it('holds every number of the tables', () => {
      const report = reports.get(format) as Report;
      expect(missingNumbers(text.get(`${format}/${kind}`) as string, report, format)).toEqual([]);
    });
  },
);

describe('the PDF', () => {
  it('is A4 with every font embedded', async () => {
    for (const format of REPORT_FORMATS) {
      const file = join(dir, `r${format}.pdf`);
      const info = (await run('pdfinfo', [file])).stdout;
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const fonts = (await run('pdffonts', [file])).stdout.split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      // Columns: name type encoding emb sub uni; every font embedded ("yes" in the emb column).
      for (const line of fonts) expect(line).toMatch(/\s+yes\s+yes\s+yes\s+/);
      expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
    }
  });
});
