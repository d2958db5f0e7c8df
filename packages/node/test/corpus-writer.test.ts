import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReport } from '@xxgk/core';
import { writeCorpus } from '../../../bench/support/corpus.js';

/*
 * The synthetic corpus as files (bench/support/corpus.js): every input kind is written, and the
 * reader reads back the figures truth.json says it must — the statutory cells from 2019 on, none
 * before (no national format then). Damaged text is left to bench:damage, which scores it.
 */
describe('the synthetic corpus written to files', () => {
  let dir = '';
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes each report in its input kind with a truth file the reader agrees with', async () => {
    dir = await mkdtemp(join(tmpdir(), 'xxgk-corpus-'));
    const truth = await writeCorpus(dir, { seed: 4, reports: 40 });
    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(41);
    expect(files).toContain('truth.json');
    expect(JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8'))).toEqual(truth);
    expect(new Set(truth.files.map((f) => f.input.kind))).toEqual(new Set(['pdf', 'docx', 'html', 'text', 'damaged']));
    let compared = 0;
    for (const expected of truth.files.filter((f) => f.input.kind !== 'damaged')) {
      const parsed = await parseReport(new Uint8Array(await readFile(join(dir, expected.file))), {
        file: expected.file,
      });
      expect({ file: expected.file, format: parsed.report.meta.format, year: parsed.report.meta.year }).toEqual({
        file: expected.file,
        format: expected.format,
        year: expected.year,
      });
      const read = Object.fromEntries(Object.keys(expected.cells).map((id) => [id, parsed.report.cells[id]]));
      expect(read).toEqual(expected.cells);
      compared += Object.keys(expected.cells).length;
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
