import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** enhanced-resolve's own option, which dependency-cruiser passes on but does not declare. */
const RESOLVE = {
  extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
  extensions: ['.ts', '.tsx', '.js'],
} as ICruiseOptions['enhancedResolveOptions'];

/**
 * The repository's import graph, type-only imports included (a circle of types is a circle of
 * meaning too). Sources import `./x.js` for `./x.ts`, as ESM TypeScript writes it.
 */
async function circles(folders: readonly string[]): Promise<string[]> {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const result = await cruise([...folders], {
      tsPreCompilationDeps: true,
      validate: true,
      exclude: { path: 'node_modules|\\.test\\.ts$' },
      enhancedResolveOptions: RESOLVE,
      ruleSet: { forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }] },
    });
    const output = result.output as ICruiseResult;
    expect(output.summary.totalCruised).toBeGreaterThan(50);
    return output.summary.violations.map((v) =>
      [v.from, ...(v.cycle ?? []).map((step) => (typeof step === 'string' ? step : step.name))].join(' → '),
    );
  } finally {
    process.chdir(cwd);
  }
}

describe('the modules of every package', () => {
  it('import one another without a circle', async () => {
    const packages = ['core', 'node', 'server', 'cli', 'web'].map((name) => `packages/${name}/src`);
    expect(await circles(packages)).toEqual([]);
  });
});
