import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../model/generate.js';
import { seededRandom } from '../model/random.js';
import { scoreCells, emptyScore } from './align/score.js';
import { parseReport } from './index.js';

/*
 * Chromium's print of a report's page read by pdftotext's default order (fixtures/parse/pdftotext):
 * section 三's 自然人 figures beside the labels, then blocks of rows whose columns come one at a time
 * except 其他 and 总计, printed together row by row ("3 8 0 1 10 101 1 8").
 */

const fixture = new URL('../../../../fixtures/parse/pdftotext/chromium-70003-2019.txt', import.meta.url);

describe('section 三 blocks whose last two columns are printed together (chromium)', () => {
  it('reads every cell of section 三 by the sums, none wrong', async () => {
    const truth = generateReport(seededRandom(70003), { format: '2019' });
    const parsed = await parseReport(readFileSync(fixture));
    const s3 = Object.keys(truth.cells).filter((id) => id.startsWith('s3.'));
    for (const id of s3) expect({ id, value: parsed.report.cells[id] }).toEqual({ id, value: truth.cells[id] });
    expect(parsed.placements?.['s3.denied.query.otherOrg']?.placedBy).toBe('sum');
    const score = scoreCells(emptyScore(), truth, parsed);
    expect(score).toMatchObject({ wrong: 0, wrongSure: 0, openUnnamed: 0 });
  });
});
