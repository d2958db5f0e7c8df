import type { Random } from '../model/random.js';

export { pick } from '../model/random.js';

/*
 * The distributions the synthetic corpus draws from, each on a seeded `Random` so a corpus is
 * the same for the same seed. Large counts use the normal approximation: an organ with 5,000
 * applications must not cost 5,000 draws.
 */

/** One of `weights`' keys, chosen in proportion to its weight. */
export function weighted<K extends string>(random: Random, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let at = random() * total;
  for (const [key, w] of entries) {
    at -= w;
    if (at < 0) return key;
  }
  return (entries.at(-1) as [K, number])[0];
}

/** A standard normal draw (Box–Muller). */
export function normal(random: Random): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** exp(N(ln median, sigma)): positive, skewed, with the given median. */
export function logNormal(random: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(random));
}

/** `x` rounded up or down at random in proportion to its fraction, so small means stay unbiased. */
export function roundRandom(random: Random, x: number): number {
  const floor = Math.floor(x);
  return floor + (random() < x - floor ? 1 : 0);
}

/** A Poisson count with mean `mean`. */
export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}

/** How many of `n` trials succeed at probability `p`. */
export function binomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (n > 60) {
    const drawn = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal(random));
    return Math.min(n, Math.max(0, drawn));
  }
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k += 1;
  return k;
}

/** `total` split among `weights`' keys (a multinomial draw): the parts always sum to `total`. */
export function split<K extends string>(
  random: Random,
  total: number,
  weights: Readonly<Record<K, number>>,
): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  const parts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  let left = total;
  let mass = keys.reduce((sum, key) => sum + weights[key], 0);
  // Sequential binomials: each key takes its share of what the keys before it left over.
  for (const key of keys) {
    if (left === 0) break;
    const share = mass > 0 ? weights[key] / mass : 1;
    const taken = key === keys.at(-1) ? left : binomial(random, left, Math.min(1, share));
    parts[key] = taken;
    left -= taken;
    mass -= weights[key];
  }
  return parts;
}
