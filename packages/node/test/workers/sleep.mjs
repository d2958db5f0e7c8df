// A worker for the WorkerPool tests: sleeps for the task's milliseconds, or throws when asked.
import { setTimeout as sleep } from 'node:timers/promises';

export default async function sleepTask({ ms, fail }) {
  if (fail) throw new Error(fail);
  await sleep(ms);
  return ms;
}
