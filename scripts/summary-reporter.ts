import type { Reporter, TestModule, TestSuite } from 'vitest/node';

/** Whether a module or suite failed in itself (a file that did not load, a `beforeAll` that threw) rather than in a test. */
function failedOutsideTests(entity: TestModule | TestSuite): boolean {
  if (entity.state() !== 'failed') return false;
  for (const test of entity.children.allTests()) if (test.result().state === 'failed') return false;
  return true;
}

/** How many of the longest test files the summary lists. */
const SLOWEST = 10;

/** A file's time from the start of its import to the end of its last test or hook. */
function seconds(module: TestModule): number {
  const d = module.diagnostic();
  return (d.environmentSetupDuration + d.prepareDuration + d.setupDuration + d.collectDuration + d.duration) / 1000;
}

/** The longest test files, longest first, one a line: where CI's time goes (see scripts/test-sequencer.ts). */
function slowest(testModules: ReadonlyArray<TestModule>): string {
  const lines = [...testModules]
    .map((module) => ({ file: module.relativeModuleId, seconds: seconds(module) }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, SLOWEST)
    .map(({ file, seconds }) => `${seconds.toFixed(1).padStart(7)} s  ${file}`);
  return lines.length ? `\nslowest test files:\n${lines.join('\n')}\n` : '';
}

/**
 * Lists the slowest test files, then ends the run with the plain line `N passed, N failed` that CI
 * reads (it must stay the very last line). A test file that could not even be loaded, a suite
 * whose setup threw (its tests then never run and are reported as skipped), and an unhandled
 * error, each count as a failure: they must turn CI red and say so.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
      }
      const suites = [module, ...module.children.allSuites()];
      // The innermost failing entity is counted once: a failed suite's module is failed too.
      const outside = suites.filter(failedOutsideTests);
      failed += outside.filter(
        (entity) => !outside.some((o) => o !== entity && o.type === 'suite' && isWithin(o, entity)),
      ).length;
    }
    process.stdout.write(`${slowest(testModules)}\n${passed} passed, ${failed} failed\n`);
  }
}

/** Whether `inner` is a suite below `outer`. */
function isWithin(inner: TestSuite, outer: TestModule | TestSuite): boolean {
  for (let parent: TestModule | TestSuite = inner.parent; ; parent = parent.parent) {
    if (parent === outer) return true;
    if (parent.type === 'module') return false;
  }
}
