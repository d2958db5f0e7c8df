import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { canonical } from '../parse/normalise.js';
import { detached, interned } from './interned.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after a full collection, in MB. */
const heapMb = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

describe('strings kept by the caches', () => {
  it('detached gives the same text, internalised from 13 characters on', () => {
    const doc = '一、本年新收政府信息公开申请数量 12 3 0 0 0 0 15'.repeat(3);
    const key = doc.slice(0, 16);
    expect(detached(key)).toBe(key);
    expect(detached(key)).toBe(interned(key));
    expect(detached('规章')).toBe('规章');
  });

  it('a cache keyed by lines of documents does not keep the documents (canonical forms of 400 texts of 160 KB)', () => {
    const before = heapMb();
    for (let i = 0; i < 400; i += 1) {
      // A document of its own each time, and a line of it as a reader cuts it out.
      const doc = `${i}行政规范性文件 本年制发件数 现行有效件数 `.repeat(4000);
      canonical(doc.slice(3, 3 + 40));
    }
    // Kept as views, the 400 documents would hold some 64 MB (two bytes a character).
    expect(heapMb() - before).toBeLessThan(16);
  });
});
