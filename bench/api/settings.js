// The load and the aims of `npm run bench:api` (see bench/api.js), shared by its parts.

export const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, ...rest] = arg.replace(/^--/, '').split('=');
    return [key, rest.length > 0 ? rest.join('=') : 'true'];
  }),
);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
export const WARMUP_SECONDS = Math.min(2, SECONDS);
export const SERVER_URL = process.env.XXGK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export const APPLICATIONS = 10_000;
export const YEAR = 2025;
/**
 * The services' today: early in January, when the year's last cases are being answered (some of
 * them late) and its annual report is compiled (条例第五十条: published by 31 January).
 */
export const TODAY = `${YEAR + 1}-01-09`;
export const SEED = 20250101;
export const PASSWORD = 'Bench-password-1';
export const PAGE_SIZE = 20;
export const COMPILE_RUNS = 5;
/** The aims of the issue: reads on PostgreSQL, and the report's compilation. */
export const READ_AIM = { perSecond: 1_000, p99Ms: 50 };
export const COMPILE_AIM_MS = 200;

if (!Number.isFinite(SECONDS) || SECONDS <= 0) throw new Error(`BENCH_SECONDS should be a positive number`);
