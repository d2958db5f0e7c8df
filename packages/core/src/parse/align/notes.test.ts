import { describe, expect, it } from 'vitest';
import { generateReport, seededRandom } from '../../model/generate.js';
import type { Report } from '../../model/schema.js';
import { renderHtml } from '../../render/html.js';
import { renderText } from '../../render/text.js';
import { parseReport } from '../index.js';

/*
 * Section 二 values printed beside or below the table (align/notes.ts): a blank cell is filled from
 * a note naming its column in the table's words, and from nothing else.
 */

const read = (text: string) => parseReport(new TextEncoder().encode(text));

/** A report of the format whose 行政规范性文件 cell of `column` holds `value`. */
function reportWith(format: '2019' | '2021', column: string, value: number): Report {
  const report = generateReport(seededRandom(format === '2021' ? 41 : 42), { format });
  return { ...report, cells: { ...report.cells, [`s2.normativeDocs.${column}`]: value } };
}

/**
 * The report's tab text with the 规范性文件 row's cell at `index` (1 = first value) blanked and
 * the lines `notes` printed after the section 二 table.
 */
function withNotes(report: Report, index: number, notes: readonly string[]): string {
  const lines = renderText(report, 'tab').split('\n');
  const row = lines.findIndex((line) => /^(?:行政)?规范性文件\t/.test(line));
  const cells = (lines[row] as string).split('\t');
  cells[index] = '';
  lines[row] = cells.join('\t');
  const s3 = lines.findIndex((line) => line.startsWith('三、'));
  lines.splice(s3, 0, ...notes);
  return lines.join('\n');
}

describe('a section 二 cell the table leaves blank', () => {
  it('is filled from a note below the table that names its column, less sure and with a finding', async () => {
    const text = withNotes(reportWith('2021', 'repealed', 22), 2, ['注：本年废止件数 22（其中修订16件）']);
    const { report, findings, placements } = await read(text);
    expect(report.cells['s2.normativeDocs.repealed']).toBe(22);
    expect(placements?.['s2.normativeDocs.repealed']).toEqual({ confidence: 0.7, placedBy: 'prose' });
    const finding = findings.find((f) => f.rule === 'value-from-note');
    expect(finding?.message).toBe(
      '第二部分“行政规范性文件·本年废止件数”在表中空缺，取自表外文字“本年废止件数 22”，请与原文核对',
    );
    expect(finding?.cells).toEqual(['s2.normativeDocs.repealed']);
  });

  it('is filled in the 2019 format from "本年新制作 62 件", and on a web page', async () => {
    const text = withNotes(reportWith('2019', 'made', 62), 1, ['其中，本年新制作 62 件。']);
    expect((await read(text)).report.cells['s2.normativeDocs.made']).toBe(62);
    const page = renderHtml(reportWith('2021', 'issued', 62))
      .replace(/(规范性文件<\/td>\s*<td[^>]*>)62</, '$1<')
      .replace(/(<h2[^>]*>三、)/, '<p>本年制发件数：62件</p>$1');
    expect(page).toContain('本年制发件数：62件');
    expect(page).not.toMatch(/规范性文件<\/td>\s*<td[^>]*>62</);
    const { report } = await read(page);
    expect(report.cells['s2.normativeDocs.issued']).toBe(62);
  });

  it('takes the row a note names, and no note of another row', async () => {
    const text = withNotes(reportWith('2021', 'repealed', 22), 2, ['规章本年废止件数 2 件；']);
    const { report, findings } = await read(text);
    expect(report.cells['s2.normativeDocs.repealed'] ?? null).toBeNull();
    expect(findings.some((f) => f.rule === 'value-from-note')).toBe(false);
  });

  it.each([
    ['another year', '2020年本年废止件数 30 件。'],
    ['last year', '上年本年废止件数 30 件。'],
    ['another kind', '政府信息本年废止件数 30 件。'],
    ['a count of something else', '本年废止件数 30 件通知。'],
    ['words between the column and the number', '本年废止件数较上年增加 30 件。'],
    ['a header apart from its value', '本年废止件数\n30'],
  ])('takes nothing from %s', async (_, note) => {
    const text = withNotes(reportWith('2021', 'repealed', 22), 2, note.split('\n'));
    const { report } = await read(text);
    expect(report.cells['s2.normativeDocs.repealed'] ?? null).toBeNull();
  });

  it('takes nothing where two notes disagree, nor where the row is not decided', async () => {
    const disagree = withNotes(reportWith('2021', 'repealed', 22), 2, ['本年废止件数 22 件。', '本年废止件数 23 件。']);
    expect((await read(disagree)).report.cells['s2.normativeDocs.repealed'] ?? null).toBeNull();
    // Both rows' cells blank: a note naming no row could be either.
    const lines = withNotes(reportWith('2021', 'repealed', 22), 2, ['本年废止件数 22 件。']).split('\n');
    const regulations = lines.findIndex((line) => line.startsWith('规章\t'));
    lines[regulations] = (lines[regulations] as string).replace(/^(规章\t\d+\t)\d+/, '$1');
    const { report } = await read(lines.join('\n'));
    expect(report.cells['s2.normativeDocs.repealed'] ?? null).toBeNull();
    expect(report.cells['s2.regulations.repealed'] ?? null).toBeNull();
  });

  it('leaves a cell the table prints alone, whatever a note says', async () => {
    const text = renderText(reportWith('2021', 'repealed', 22), 'tab').replace(
      /\n三、/,
      '\n本年废止件数 30 件。\n三、',
    );
    expect((await read(text)).report.cells['s2.normativeDocs.repealed']).toBe(22);
  });
});
