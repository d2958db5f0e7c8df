import { expect } from 'vitest';
import {
  ParseError,
  parseReport,
  seededRandom,
  type ParseLimits,
  type ParseOptions,
  type Random,
} from '../../src/index.js';

/** One random change of the kinds that break files in the wild: flipped bytes, truncation, a chunk copied or dropped, junk inserted. */
export function mutate(bytes: Uint8Array, random: Random): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  const copy = new Uint8Array(bytes);
  switch (pick(5)) {
    case 0: {
      const flips = 1 + pick(16);
      for (let i = 0; i < flips; i += 1) copy[pick(copy.length)] = pick(256);
      return copy;
    }
    case 1:
      return copy.subarray(0, pick(copy.length));
    case 2: {
      const start = pick(copy.length);
      const end = Math.min(copy.length, start + 1 + pick(512));
      const at = pick(copy.length);
      return new Uint8Array([...copy.subarray(0, at), ...copy.subarray(start, end), ...copy.subarray(at)]);
    }
    case 3: {
      const start = pick(copy.length);
      return new Uint8Array([
        ...copy.subarray(0, start),
        ...copy.subarray(Math.min(copy.length, start + 1 + pick(2048))),
      ]);
    }
    default: {
      const junk = Uint8Array.from({ length: 1 + pick(64) }, () => pick(256));
      const at = pick(copy.length);
      return new Uint8Array([...copy.subarray(0, at), ...junk, ...copy.subarray(at)]);
    }
  }
}

export interface FuzzOutcome {
  readonly read: number;
  readonly rejected: Record<string, number>;
}

/**
 * Feeds `runs` mutations of the seed files to the parser: every one must either read (a report,
 * perhaps with findings) or fail with a ParseError — never another exception, never a hang.
 */
export async function fuzz(
  seeds: readonly Uint8Array[],
  runs: number,
  seed: number,
  limits: Partial<ParseLimits> = {},
  options: Pick<ParseOptions, 'readCMap'> = {},
): Promise<FuzzOutcome> {
  const random = seededRandom(seed);
  const rejected: Record<string, number> = {};
  let read = 0;
  for (let i = 0; i < runs; i += 1) {
    const input = mutate(seeds[i % seeds.length] as Uint8Array, random);
    try {
      const parsed = await parseReport(input, { file: `fuzz-${i}`, limits, ...options });
      expect(parsed.report.meta).toBeDefined();
      read += 1;
    } catch (error) {
      if (!(error instanceof ParseError)) {
        throw new Error(`mutation ${i} (seed ${seed}) threw ${(error as Error).name}: ${(error as Error).message}`, {
          cause: error,
        });
      }
      rejected[error.code] = (rejected[error.code] ?? 0) + 1;
    }
  }
  return { read, rejected };
}
