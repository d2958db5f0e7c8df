// The import rate of bench:corpus: reports a second read from files on all cores, text and PDF.
//
// TODO(lead): branch i15-import's CorpusService.importCorpusFiles is the import to time here
// (reading, organ matching, storing in one transaction a file). Until it is merged into this
// branch, this measures the part that bounds it — reading the files through the worker pool
// (ParsePool, every core) — and says so in its output ("parse only").

import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ParsePool, UPLOAD_PARSING } from '@xxgk/node';
import { writeCorpus } from '../support/corpus.js';

/** Writes `count` reports as `kind` files and reads them all; reports a second, and failures. */
export async function measureRead(kind, count, seed) {
  const dir = await mkdtemp(join(tmpdir(), `xxgk-corpus-${kind}-`));
  const pool = new ParsePool({ ...UPLOAD_PARSING, threads: availableParallelism(), queue: Number.MAX_SAFE_INTEGER });
  try {
    const writeStarted = performance.now();
    await writeCorpus(dir, { seed, reports: count, as: kind });
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    const files = (await readdir(dir)).filter((file) => file !== 'truth.json').sort();
    const contents = await Promise.all(files.map(async (file) => new Uint8Array(await readFile(join(dir, file)))));
    const bytes = contents.reduce((sum, content) => sum + content.length, 0);
    // The pool's threads start on first use: one read first, so startup is not counted.
    await pool.parse(contents[0], files[0]);
    const started = performance.now();
    const outcomes = await Promise.allSettled(contents.map((content, i) => pool.parse(content, files[i])));
    const seconds = (performance.now() - started) / 1000;
    const failed = outcomes.filter((outcome) => outcome.status === 'rejected').length;
    return {
      kind,
      what: 'parse only (worker pool)',
      threads: availableParallelism(),
      reports: files.length,
      meanFileBytes: Math.round(bytes / files.length),
      failed,
      seconds,
      perSecond: files.length / seconds,
      writeSeconds,
    };
  } finally {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  }
}
