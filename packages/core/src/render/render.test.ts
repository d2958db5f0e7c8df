import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { layoutTables } from '../layout/tables.js';
import { ALL_CELL_IDS, REPORT_FORMATS, formatCellIds, type ReportFormat } from '../model/cells.js';
import { generateReport, seededRandom } from '../model/generate.js';
import { renderCellsCsv, renderCellsJson } from './cells.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

const report = (format: ReportFormat, seed = 3) => generateReport(seededRandom(seed), { format });

function labels(format: ReportFormat): string[] {
  return layoutTables(format, format === '2019' ? 'single' : 'subRows').flatMap((table) =>
    table.rows.flatMap((row) => row.flatMap((cell) => (cell.text ? [cell.text] : []))),
  );
}

describe.each(REPORT_FORMATS)('renderers, format %s', (format) => {
  const r = report(format);

  it('HTML holds every label and every value in its own cell, with the official spans', () => {
    const html = renderHtml(r);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    for (const label of labels(format)) expect(html).toContain(label.replace(/"/g, '&quot;'));
    for (const id of formatCellIds(format)) {
      expect(html).toContain(` data-cell="${id}">${r.cells[id]}</td>`);
    }
    expect(html).toContain(`rowspan="${format === '2021' ? 22 : 20}"`);
    expect(renderHtml(r, { fragment: true })).toMatch(/^<article/);
  });

  it('escapes text from the report', () => {
    const html = renderHtml({ ...r, meta: { ...r.meta, title: '<script>alert(1)</script>' } });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('Markdown unfolds each table row with its whole label and its values', () => {
    const md = renderMarkdown(r);
    const v = (id: string) => String(r.cells[id]);
    expect(md).toContain(
      `| 一、本年新收政府信息公开申请数量 | ${['natural', 'business', 'research', 'ngo', 'legal', 'otherOrg', 'total'].map((c) => v(`s3.new.${c}`)).join(' | ')} |`,
    );
    expect(md).toContain(`| 三、本年度办理结果 （三）不予公开 1.属于国家秘密 | ${v('s3.denied.secret.natural')} |`);
    expect(md).toContain(
      `| 行政复议 | ${['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => v(`s4.review.${c}`)).join(' | ')} |`,
    );
  });

  it('cells JSON and CSV key every value by its cell ID', () => {
    const flat = JSON.parse(renderCellsJson(r));
    expect(flat).toMatchObject({ agency: r.meta.agency, year: r.meta.year, format });
    expect(flat.cells).toEqual(r.cells);
    const rows: string[][] = parse(renderCellsCsv([r, report(format, 4)]), { bom: true });
    expect(rows[0]).toEqual(['agency', 'year', 'format', ...ALL_CELL_IDS]);
    expect(rows).toHaveLength(3);
    const row = Object.fromEntries((rows[0] as string[]).map((name, i) => [name, rows[1]?.[i]]));
    for (const id of formatCellIds(format)) expect(row[id]).toBe(String(r.cells[id]));
  });

  it('DOCX is A4 with the tables’ real merged cells and official fonts', async () => {
    const files = unzipSync(await renderDocx(r));
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:h="16838"');
    const spans = layoutTables(format, format === '2019' ? 'single' : 'subRows').flatMap((t) => t.rows.flat());
    const colSpans = spans.filter((cell) => (cell.colSpan ?? 1) > 1).length;
    const rowSpans = spans.filter((cell) => (cell.rowSpan ?? 1) > 1).length;
    expect(xml.match(/<w:gridSpan /g)?.length).toBeGreaterThanOrEqual(colSpans);
    expect(xml.match(/<w:vMerge w:val="restart"\/>/g)?.length).toBe(rowSpans);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('<w:tblHeader/>');
  });
});
