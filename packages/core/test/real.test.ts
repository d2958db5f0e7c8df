import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index.js';

/*
 * Real reports as their organs published them (fixtures/real/README.md): the reader must give
 * every cell and the metadata a person reads off them. A crawler's text whose section 二 digit
 * runs have several readings and no sum to choose by may leave those cells open, each named by a
 * finding — never a wrong value.
 */
const dir = new URL('../../../fixtures/real/', import.meta.url);
const files = readdirSync(dir).filter((name) => /\.(html|txt|pdf)$/.test(name));

interface Expected {
  agency: string;
  year: number;
  format: string;
  cells: Record<string, number>;
}

describe.each(files)('real report %s', (file) => {
  const name = file.replace(/\.(html|txt|pdf)$/, '');
  const expected = JSON.parse(readFileSync(new URL(`expected/${name}.json`, dir), 'utf8')) as Expected;

  it('gives the expected agency, year, format and cells', async () => {
    const { report, findings } = await parseReport(readFileSync(new URL(file, dir)), { file });
    expect(report.meta).toMatchObject({ agency: expected.agency, year: expected.year, format: expected.format });
    const wrong: string[] = [];
    const open: string[] = [];
    for (const [id, value] of Object.entries(expected.cells)) {
      const read = report.cells[id];
      if (read === value) continue;
      if (read === undefined || read === null) open.push(id);
      else wrong.push(`${id}: ${read} ≠ ${value}`);
    }
    expect(wrong).toEqual([]);
    const named = new Set(findings.filter((f) => f.rule === 'split-ambiguous').flatMap((f) => f.cells));
    expect(open.filter((id) => !named.has(id))).toEqual([]);
    expect(open).toEqual(OPEN[file] ?? []);
  });
});

/** Cells a crawler's text leaves with several readings that nothing in the report decides. */
const OPEN: Record<string, string[]> = {
  // The 2019 format's section 二 rows have no sum: "396442278" reads as 396/442/278 as well as 3/96/442278.
  // Of "2648-18538" only 上一年项目数量 is certain: no count but 本年增/减 is negative, so the minus
  // starts 本年增/减 (−1, −18, −185 or −1853).
  'pingtan-2020.txt': [
    ...['made', 'published', 'total'].map((c) => `s2.normativeDocs.${c}`),
    ...['licensing', 'otherServices', 'penalty', 'enforcement'].flatMap((row) =>
      ['prevItems', 'change', 'decisions']
        .filter((c) => row !== 'penalty' || c !== 'prevItems')
        .map((c) => `s2.${row}.${c}`),
    ),
    's2.procurement.items',
    's2.procurement.amount',
  ],
  // "693665": 69/3/665 or 6/93/665 …, and the prose states none of them.
  'pingtan-2021.txt': ['issued', 'repealed', 'inForce'].map((c) => `s2.normativeDocs.${c}`),
  // "6233440": the prose states 制发 62; "33440" stays 33/440 or 3/3440.
  'pingtan-2024.txt': ['repealed', 'inForce'].map((c) => `s2.normativeDocs.${c}`),
};
