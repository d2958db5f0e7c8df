import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflatedSize } from '../src/inflate.js';

describe('inflatedSize (the PDF stream check’s measure)', () => {
  const text = new TextEncoder().encode('2024年政府信息公开工作年度报告\n'.repeat(500));
  const deflated = deflateSync(text);

  it('counts what a zlib stream inflates to, past the end of the stream ignored', () => {
    expect(inflatedSize(deflated, 1024 * 1024)).toBe(text.length);
    const withEol = new Uint8Array([...deflated, 0x0a]);
    expect(inflatedSize(withEol, 1024 * 1024)).toBe(text.length);
  });

  it('stops at the limit and says limit + 1', () => {
    expect(inflatedSize(deflated, 1000)).toBe(1001);
    expect(inflatedSize(deflated, text.length - 1)).toBe(text.length);
    expect(inflatedSize(deflated, text.length)).toBe(text.length);
  });

  it('leaves damaged or cut data to the core (undefined)', () => {
    expect(inflatedSize(new TextEncoder().encode('不是压缩数据'), 1000)).toBeUndefined();
    expect(inflatedSize(deflated.subarray(0, deflated.length >> 1), 1024 * 1024)).toBeUndefined();
  });
});
