import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Starts the longest test files first, so that the last file to end does not start near the end.
 *
 * Vitest's own order puts files it has timed before (its cache under node_modules/.vite) longest
 * first, and files it has not, largest in bytes first. CI runs on a fresh clone, with no cache:
 * there the PDF round trip (a small file, minutes of work) started last and ran alone at the end.
 * So files are ordered by their seconds in `test-durations.json` (the longest files only; refreshed
 * from a whole run with `node scripts/test-durations.js`), or in the cache where it timed them; the
 * files in neither follow, largest first, as before.
 */
const DURATIONS: Readonly<Record<string, number>> = JSON.parse(
  readFileSync(new URL('./test-durations.json', import.meta.url), 'utf8'),
) as Record<string, number>;

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = (file: TestSpecification): number => {
      const path = relative(root, file.moduleId);
      const cached = this.ctx.cache.getFileTestResults(`${file.project.name}:${path}`);
      return cached ? cached.duration / 1000 : (DURATIONS[path] ?? -1);
    };
    const size = (file: TestSpecification): number =>
      this.ctx.cache.getFileStats(`${file.project.name}:${relative(root, file.moduleId)}`)?.size ?? 0;
    return [...files].sort((a, b) => seconds(b) - seconds(a) || size(b) - size(a));
  }
}
