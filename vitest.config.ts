import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './scripts/test-sequencer.js';

/** pdf.js's own exception classes (XRefEntryException, ParserEOFException, FormatError …). */
const PDFJS_EXCEPTIONS = /Exception$|^FormatError$/;

function isPdfJsLeak(error: { name?: string; stack?: string }): boolean {
  return PDFJS_EXCEPTIONS.test(error.name ?? '') && (error.stack ?? '').includes('pdfjs-dist');
}

export default defineConfig({
  resolve: {
    // Tests run the TypeScript sources of every package, not a stale build.
    alias: {
      '@xxgk/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
      '@xxgk/node': fileURLToPath(new URL('./packages/node/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'packages/*/e2e/**/*.test.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
    testTimeout: 60_000,
    // Vitest's default on a 2-core CI machine is one worker, which runs the files one after the
    // other; the long PDF round trips and the browser tests then add up to most of CI's budget.
    maxWorkers: '100%',
    // …and of the files, the longest start first (scripts/test-sequencer.ts), so that none is left
    // running alone at the end of the run.
    sequence: { sequencer: LongestFirstSequencer },
    // pdf.js (in its same-thread "fake worker" mode) leaves a stray rejected promise behind on some
    // damaged PDFs (mozilla/pdf.js#8608) while the read itself ends in a ParseError, as the fuzz
    // tests check. Only those pdf.js exceptions are let through; every other unhandled error fails.
    onUnhandledError: (error) => (isPdfJsLeak(error) ? false : undefined),
    // Room for a browser and the demo on a busy 2-core machine; a hung hook still ends.
    hookTimeout: 240_000,
  },
});
