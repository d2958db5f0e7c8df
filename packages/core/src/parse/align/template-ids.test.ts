import { describe, expect, it } from 'vitest';
import { CELLS } from '../../model/cells.js';
import { TEMPLATES } from './template.js';

// merge.ts fills a report's cells with the aligner's values without asking the catalogue of each:
// that holds only while every cell a template row places is a cell of the catalogue.
describe('the aligner templates', () => {
  it('place only cells of the catalogue', () => {
    const ids = TEMPLATES.flatMap((template) => template.rows.flatMap((row) => row.ids));
    expect(ids.length).toBeGreaterThan(500);
    expect(ids.filter((id) => !CELLS.has(id))).toEqual([]);
  });
});
