// Refreshes scripts/test-durations.json, the seconds each of the longest test files takes, which
// scripts/test-sequencer.ts uses to start them first on a fresh clone:
//
//   npx vitest run --reporter=default --reporter=json --outputFile.json=/tmp/vitest.json
//   node scripts/test-durations.js /tmp/vitest.json
//
// Only the longest files are kept (--keep=<n>, default 40): the order of the short ones matters little.

import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const [input, ...options] = process.argv.slice(2);
if (!input) {
  console.error('usage: node scripts/test-durations.js <vitest JSON report> [--keep=<n>]');
  process.exit(2);
}
const keep = Number(/^--keep=(\d+)$/.exec(options.find((o) => o.startsWith('--keep=')) ?? '')?.[1] ?? 40);
const root = fileURLToPath(new URL('..', import.meta.url));
const report = JSON.parse(readFileSync(input, 'utf8'));
const seconds = report.testResults
  .map((file) => [relative(root, file.name), Math.round((file.endTime - file.startTime) / 100) / 10])
  .sort((a, b) => b[1] - a[1])
  .slice(0, keep);
const out = fileURLToPath(new URL('test-durations.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(Object.fromEntries(seconds), null, 2)}\n`);
console.log(`${out}: ${seconds.length} files, longest ${seconds[0]?.[0]} (${seconds[0]?.[1]} s)`);
