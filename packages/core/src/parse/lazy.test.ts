import { describe, expect, it } from 'vitest';
import { generateReport } from '../model/generate.js';
import { seededRandom } from '../model/random.js';
import { renderText } from '../render/text.js';
import { parseReport } from './index.js';
import { withYear } from './read.js';

/*
 * A parsed report's provenance is made on the first read (lazy.ts): every way a consumer takes the
 * report (property, JSON, spread, entries, a worker's structured clone, withYear's copy) must see
 * the same provenance, in the same place among the report's keys, as a plain property would give.
 */

const text = renderText(generateReport(seededRandom(41), { format: '2021', year: 2022 }), 'pipe');
const parse = async (file?: string) => (await parseReport(new TextEncoder().encode(text), file ? { file } : {})).report;

describe("a parsed report's provenance, made on the first read", () => {
  it('is listed last among the keys, and JSON has it where a plain property would be', async () => {
    const report = await parse();
    expect(Object.keys(report)).toEqual(['meta', 'sections', 'cells', 'provenance']);
    const json = JSON.parse(JSON.stringify(report)) as typeof report;
    expect(Object.keys(json)).toEqual(['meta', 'sections', 'cells', 'provenance']);
    expect(Object.keys(json.provenance ?? {})).toEqual(Object.keys(report.cells));
  });

  it('says where each value was read, with the file when one is named', async () => {
    const report = await parse('年报.txt');
    const id = Object.keys(report.cells)[0] as string;
    const source = report.provenance?.[id];
    expect(source?.file).toBe('年报.txt');
    expect(source?.line).toBeGreaterThan(1);
    expect(source?.text).toBe(String(report.cells[id]));
  });

  it('is the same object however it is reached, and survives spreading and cloning', async () => {
    const report = await parse();
    const copy = withYear(report, 2022);
    // The copy was made before the provenance: both still give the one value made for them.
    expect(copy.provenance).toBe(report.provenance);
    expect({ ...report }.provenance).toBe(report.provenance);
    expect(structuredClone(report).provenance).toEqual(report.provenance);
    expect(Object.entries(report).find(([key]) => key === 'provenance')?.[1]).toBe(report.provenance);
  });

  it('can be replaced like a plain property', async () => {
    const report = (await parse()) as { provenance?: unknown };
    report.provenance = { replaced: true };
    expect(report.provenance).toEqual({ replaced: true });
    expect(JSON.stringify(report)).toContain('"provenance":{"replaced":true}');
  });
});
