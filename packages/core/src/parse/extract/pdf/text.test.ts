import { describe, expect, it } from 'vitest';
import { cleanRun } from './text.js';

const run = (text: string) => ({ text, x0: 0, x1: 10 * text.length, y: 0, size: 10 });

describe('a glyph run cleaned of what PDF producers add', () => {
  it('maps Kangxi radicals and the CJK radicals Chrome prints for ideographs back to the ideographs', () => {
    // Word's ⼀ (U+2F00) and ⽇ (U+2F47); Chrome's ⺠ (U+2EA0), ⻔ (U+2ED4) and ⻓ (U+2ED3).
    expect(cleanRun(run('\u2f00\u2f47')).map((r) => r.text)).toEqual(['一日']);
    expect(cleanRun(run('某县\u2ea0政局\u2ed4户网站\u2ed3期')).map((r) => r.text)).toEqual(['某县民政局门户网站长期']);
  });

  it('leaves other text, full-width punctuation included, as it is', () => {
    expect(cleanRun(run('（一）规章：３件')).map((r) => r.text)).toEqual(['（一）规章：３件']);
  });
});
