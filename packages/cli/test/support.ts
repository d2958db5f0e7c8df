import { main } from '../src/main.js';

/** The repository root, for fixtures and the built bin. */
export const root = new URL('../../../', import.meta.url).pathname;

/** Runs the CLI in this process and returns its exit code and what it wrote. */
export async function xxgk(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}
