// The server of a benchmark, in a child process of its own: on a machine of two cores a load
// generator in the server's process would share its event loop, and its own work would be counted
// in the server's latency. The child opens the database, lets the benchmark prepare it, serves the
// API on a free loopback port and says `ready`; the parent talks to it over IPC.

import { fork } from 'node:child_process';

/**
 * In the child: opens the database (`{ url }` or `{ dataDir }`), runs `prepare(services, handle)`
 * (its result goes into the `ready` message), serves, answers `onMessage` and stops on `stop` once
 * the requests in flight have finished (a load generator hangs up with some still being handled).
 */
export async function serveInChild({ database, today, prepare, onMessage }) {
  try {
    const server = await import('../../packages/server/dist/index.js');
    const { serve } = await import('@hono/node-server');
    const handle = await server.openDatabase(database);
    const services = server.createServices(handle.db, today ? { today: () => today } : {});
    const prepared = await prepare(services, handle);
    const app = server.createApp(services);
    let inFlight = 0;
    let drained = () => {};
    const fetch = async (request, env) => {
      inFlight += 1;
      try {
        return await app.fetch(request, env);
      } finally {
        inFlight -= 1;
        if (inFlight === 0) drained();
      }
    };
    const http = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      process.send({ type: 'ready', port: info.port, engine: handle.engine, ...prepared }),
    );
    process.on('message', async (message) => {
      if (message?.type !== 'stop') return onMessage?.(message);
      http.close();
      http.closeIdleConnections();
      if (inFlight > 0) await new Promise((resolve) => (drained = resolve));
      http.closeAllConnections();
      await handle.close();
      process.exit(0);
    });
  } catch (error) {
    process.send({ type: 'error', message: error?.stack ?? String(error) }, () => process.exit(1));
  }
}

/** In the parent: the child running `script` with `args`, and a promise of its exit. */
export function forkChild(script, args) {
  const child = fork(script, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { child, exited };
}

/** Sends `message` (if any) and waits for the child's next message, its error, or its death. */
export function ask(child, message) {
  return new Promise((resolve, reject) => {
    const onMessage = (reply) => {
      child.off('exit', onExit);
      if (reply?.type === 'error') reject(new Error(`server process: ${reply.message}`));
      else resolve(reply);
    };
    const onExit = (code) => {
      child.off('message', onMessage);
      reject(new Error(`server process exited with code ${code}`));
    };
    child.once('message', onMessage);
    child.once('exit', onExit);
    if (message) child.send(message);
  });
}

/** Asks a child that is still running to stop, and kills it if it has not within 10 s. */
export async function stopChild({ child, exited }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.send({ type: 'stop' });
  const timer = setTimeout(() => child.kill(), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Stops the run with a clear message when the packages have not been built. */
export async function requireBuild(name) {
  const built = await import('../../packages/server/dist/index.js').then(
    () => true,
    () => false,
  );
  if (!built) {
    console.error(`${name}: the packages are not built; run \`npm run build\` first`);
    process.exit(1);
  }
}
