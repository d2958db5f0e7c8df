/**
 * How many cases the readers' long tests run (round trips, fuzzing). CI runs a sample, enough to
 * fail on any kind of input the generator or the mutations make; `npm run test:full`
 * (XXGK_FULL_TESTS=1) runs the full counts those tests had before CI's 30-minute budget came near.
 * Speed is measured by the benchmarks, not here; bench:parse also checks the cells of every
 * generated report it reads (1,000 of each kind).
 */
export function sampleSize(sample: number, full: number): number {
  return process.env.XXGK_FULL_TESTS === '1' ? full : sample;
}
