import { describe, expect, it } from 'vitest';
import { generateReport, parseReport, renderHtml, seededRandom } from '../index.js';

/*
 * A figure misread past mending ("4B": a speck fused to a digit on a scan) in a table row whose
 * other cells are all values: the cell stands in its own column, so only it is left open, with a
 * finding — the row neither ends there (collapsing the row: every value open) nor shifts.
 */
describe('a figure in a table row that cannot be read', () => {
  it('leaves that one cell open with a finding and reads the rest of the row in their columns', async () => {
    const report = generateReport(seededRandom(11), { format: '2021' });
    const html = renderHtml(report).replace(/(<td data-cell="s3\.granted\.research">)[^<]*(<\/td>)/, '$14B$2');
    expect(html).toContain('>4B<');
    const parsed = await parseReport(new TextEncoder().encode(html), { file: 'r.html' });
    const cells = parsed.report.cells as Record<string, number | null | undefined>;
    expect(cells['s3.granted.research']).toBeNull();
    const row = ['natural', 'business', 'ngo', 'legal', 'otherOrg', 'total'].map((c) => `s3.granted.${c}`);
    for (const id of row) expect(cells[id]).toBe(report.cells[id]);
    expect(row.some((id) => (report.cells[id] ?? 0) > 0)).toBe(true);
    const finding = parsed.findings.find((f) => f.rule === 'cell-unreadable');
    expect(finding?.cells).toEqual(['s3.granted.research']);
    expect(finding?.message).toContain('4B');
    // The next row is read as it was.
    expect(cells['s3.partial.total']).toBe(report.cells['s3.partial.total']);
  });
});
