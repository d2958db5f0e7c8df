import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyScore, parseReport, scoreCells, type Report } from '@xxgk/core';

/*
 * The text a user gets from a published PDF with poppler's pdftotext (bench/tool-text.js measures
 * it on many reports and producers): the fixtures' LibreOffice and xxgk PDFs through -raw and
 * -layout read every cell right; through the default reading order, which prints a ruled table's
 * columns apart from their rows, whatever is read is right and the rest is open with a finding.
 */

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/parse/pdf/${name}`, import.meta.url));
const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
const truthOf = (format: string) => JSON.parse(readFileSync(fixture(`report-${format}.json`), 'utf8')) as Report;

const cases = [
  ['libreoffice-2019.pdf', '2019'],
  ['libreoffice-2021.pdf', '2021'],
  ['xxgk-2021.pdf', '2021'],
] as const;

describe.skipIf(!hasPdftotext)('pdftotext of the fixture PDFs', () => {
  it.each(cases)('%s: -raw and -layout read every cell right', async (file, format) => {
    for (const flag of ['-raw', '-layout']) {
      const text = execFileSync('pdftotext', [flag, '-enc', 'UTF-8', fixture(file), '-']);
      const score = scoreCells(emptyScore(), truthOf(format), await parseReport(new Uint8Array(text)));
      expect({ flag, ...score }).toMatchObject({ flag, wrong: 0, open: 0 });
    }
  });

  it.each(cases)('%s: the default order gives no wrong cell, and names each open one', async (file, format) => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', fixture(file), '-']);
    const score = scoreCells(emptyScore(), truthOf(format), await parseReport(new Uint8Array(text)));
    expect(score).toMatchObject({ wrong: 0, wrongSure: 0, openUnnamed: 0 });
  });

  it.each(cases.slice(0, 2))(
    '%s: the default order of a table split over two pages reads both pages’ blocks',
    async (file, format) => {
      // The second page's rows (labels first, then their figures in blocks) and the first page's
      // first rows cut by columns, by the sums (align/tail.ts, align/head.ts); the rest stays open.
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', fixture(file), '-']);
      const parsed = await parseReport(new Uint8Array(text));
      const score = scoreCells(emptyScore(), truthOf(format), parsed);
      expect(score.right).toBeGreaterThanOrEqual(120);
      expect(score.wrong).toBe(0);
      expect(parsed.findings.some((f) => f.rule === 'read-as-block' && f.message.includes('一＋二＝（七）＋四'))).toBe(
        true,
      );
    },
  );
});

describe.skipIf(!hasPdftotext)('pdftotext of a real WPS-made PDF (fixtures/real/huaian-2024.pdf)', () => {
  const file = fileURLToPath(new URL('../../../fixtures/real/huaian-2024.pdf', import.meta.url));
  const expected = JSON.parse(
    readFileSync(fileURLToPath(new URL('../../../fixtures/real/expected/huaian-2024.json', import.meta.url)), 'utf8'),
  ) as { agency: string; year: number; cells: Record<string, number> };

  /** Right, open and wrong against the hand-read cells. */
  async function scoreOf(flags: readonly string[]) {
    const text = execFileSync('pdftotext', [...flags, '-enc', 'UTF-8', file, '-']);
    const { report } = await parseReport(new Uint8Array(text), { file: 'huaian-2024.txt' });
    const cells = report.cells as Record<string, number | null | undefined>;
    const wrong = Object.entries(expected.cells).filter(([id, value]) => cells[id] != null && cells[id] !== value);
    const open = Object.keys(expected.cells).filter((id) => cells[id] == null);
    return { agency: report.meta.agency, year: report.meta.year, wrong: wrong.map(([id]) => id), open };
  }

  it('-raw and -layout read every hand-read cell right', async () => {
    for (const flags of [['-raw'], ['-layout']])
      expect(await scoreOf(flags)).toEqual({ agency: expected.agency, year: expected.year, wrong: [], open: [] });
  });

  it('the default order, whose section 四 prints its figures out of order, leaves that table open, never wrong', async () => {
    const score = await scoreOf([]);
    expect(score.wrong).toEqual([]);
    expect(score.open.every((id) => id.startsWith('s4.'))).toBe(true);
    expect(Object.keys(expected.cells).length - score.open.length).toBeGreaterThanOrEqual(185);
  });
});
