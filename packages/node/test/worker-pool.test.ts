import { afterEach, describe, expect, it } from 'vitest';
import { WorkerFailure, WorkerPool, type WorkerPoolOptions } from '../src/worker-pool.js';

const WORKER = new URL('./workers/sleep.mjs', import.meta.url).href;

interface SleepTask {
  readonly ms: number;
  readonly fail?: string;
}

async function failure(promise: Promise<unknown>): Promise<WorkerFailure> {
  return promise.then(
    () => {
      throw new Error('expected the task to fail');
    },
    (error: WorkerFailure) => error,
  );
}

describe('the worker pool shared by the server’s uploads and xxgk parse', () => {
  let pool: WorkerPool<SleepTask, number> | undefined;
  const make = (options: Partial<WorkerPoolOptions>) =>
    (pool = new WorkerPool({ worker: WORKER, threads: 1, memoryMb: 64, timeMs: 10_000, ...options }));
  afterEach(() => pool?.destroy());

  it('runs at most `threads` tasks at once and counts the ones waiting', async () => {
    const workers = make({ threads: 2 });
    expect(workers.busy).toBe(false);
    const tasks = [1, 2, 3, 4, 5].map(() => workers.run({ ms: 200 }));
    expect(workers.busy).toBe(true);
    expect(workers.queued).toBe(3);
    expect(await Promise.all(tasks)).toEqual([200, 200, 200, 200, 200]);
    expect(workers.busy).toBe(false);
    expect(workers.queued).toBe(0);
  });

  it('a task past the time limit fails as a timeout, and the next task runs', async () => {
    const workers = make({ timeMs: 300 });
    const error = await failure(workers.run({ ms: 60_000 }));
    expect(error).toBeInstanceOf(WorkerFailure);
    expect(error.reason).toBe('timeout');
    expect(await workers.run({ ms: 1 })).toBe(1);
  });

  it('the time limit counts a task’s own run, not its wait for a thread', async () => {
    // Four tasks of 1.5 s one after the other take 6 s, far past the 4 s limit; each is within it.
    const workers = make({ timeMs: 4_000 });
    const results = await Promise.all([1, 2, 3, 4].map(() => workers.run({ ms: 1_500 })));
    expect(results).toEqual([1_500, 1_500, 1_500, 1_500]);
  });

  it('a task that throws in its worker fails as a crash, with what was thrown', async () => {
    const error = await failure(make({}).run({ ms: 0, fail: '读取器出错' }));
    expect(error.reason).toBe('crashed');
    expect(error.message).toBe('读取器出错');
  });
});
