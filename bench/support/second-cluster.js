// A second, throwaway PostgreSQL cluster on this machine (its own data directory and port), for
// the postgres_fdw foreign partitions of the corpus (bench:corpus, corpus-fdw.test.ts). It is made
// with the server's own initdb and pg_ctl (PostgreSQL 15's by default: XXGK_PG_BIN names another
// bin directory). initdb refuses to run as root, so as root the cluster belongs to the `postgres`
// user (runuser); otherwise to whoever runs it. Trust authentication on loopback only.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = process.env.XXGK_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const OWNER = 'postgres';

/** A port nothing listens on now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

/** Runs one of the cluster's programs, as its owner when we are root. */
function pg(program, args) {
  const command = join(BIN, program);
  return asRoot ? run('runuser', ['-u', OWNER, '--', command, ...args]) : run(command, args);
}

/**
 * Starts the cluster; `stop()` stops it and removes its data directory. `url` is a connection
 * string to its `postgres` database as the superuser `postgres`.
 */
export async function startSecondCluster() {
  if (!existsSync(join(BIN, 'initdb'))) {
    throw new Error(`PostgreSQL programs not found in ${BIN} (set XXGK_PG_BIN to their directory)`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'xxgk-second-cluster-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', OWNER]);
    const { stdout: group } = await run('id', ['-g', OWNER]);
    await chown(dir, Number(stdout), Number(group));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  let started = false;
  const stop = async () => {
    if (started) await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
    started = false;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c shared_buffers=128MB`;
    await pg('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
    started = true;
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, url: `postgres://postgres@127.0.0.1:${port}/postgres`, dataDir: data, stop };
}
