import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseReport } from '@xxgk/core';
import { ocrPdf } from '../src/ocr/index.js';

/*
 * A colour scan stamped with the organ's red seal (fixtures/parse/scan/README.md, scan-2021-seal):
 * one seal over the 落款 signature, one over the last rows of section 四's table. Read in grey, the
 * seal's strokes over the figures read as other figures ("0" as "180") and the group's total no
 * longer holds; its red dropped (src/ocr/paper.ts), every figure under it reads as printed.
 */
const SCANS = new URL('../../../fixtures/parse/scan/', import.meta.url);

describe('a colour scan with a red seal over the table', () => {
  it('reads every cell, those under the seal with the confidence of print', async () => {
    const bytes = new Uint8Array(await readFile(new URL('scan-2021-seal.pdf', SCANS)));
    const expected = JSON.parse(await readFile(new URL('scan-2021-seal.json', SCANS), 'utf8')) as {
      meta: { agency: string; year: number };
      cells: Record<string, number | null>;
    };
    const parsed = await parseReport(bytes, { file: 'scan-2021-seal.pdf', ocr: ocrPdf });
    const cells = parsed.report.cells as Record<string, number | null | undefined>;
    const wrong = Object.entries(expected.cells)
      .filter(([id, value]) => cells[id] !== value)
      .map(([id, value]) => `${id}: ${String(value)} ≠ ${String(cells[id])}`);
    expect(Object.keys(expected.cells).length).toBeGreaterThan(190);
    expect(wrong).toEqual([]);
    expect(parsed.report.meta.agency).toBe(expected.meta.agency);
    expect(parsed.report.meta.year).toBe(expected.meta.year);
    // The group the seal covers: its total holds again, no finding leaves it in doubt.
    expect(parsed.findings.map((f) => f.rule)).not.toContain('s4-group-total');
    const under = Object.keys(expected.cells).filter((id) => id.startsWith('s4.suitAfterReview.'));
    expect(under).toHaveLength(5);
    for (const id of under) {
      const source = parsed.report.provenance?.[id];
      expect(source?.confidence, id).toBeGreaterThan(0.8);
      expect(parsed.placements?.[id]?.confidence ?? 1, id).toBeGreaterThanOrEqual(0.9);
    }
  }, 300_000);
});
