import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/xxgk-server.js', import.meta.url));

/**
 * A command run as on a bare machine: in a mount namespace of its own where an empty folder
 * covers /usr/share/fonts, so no system font can be found (`unshare -m` as root, as in CI;
 * `unshare -rm`, a user namespace, elsewhere).
 */
export function withoutSystemFonts(command: string, args: readonly string[]): [string, string[]] {
  const empty = mkdtempSync(join(tmpdir(), 'xxgk-no-fonts-'));
  const asRoot = process.getuid?.() === 0;
  return [
    'unshare',
    [asRoot ? '-m' : '-rm', 'sh', '-c', 'mount --bind "$0" /usr/share/fonts && exec "$@"', empty, command, ...args],
  ];
}

export interface StartedServer {
  /** `http://localhost:PORT/` once it listens; empty when the wait was for another line. */
  readonly url: string;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Runs the built server (`npm start`) on a free port and waits until it listens, or until its
 * output matches `waitFor`. Fails with everything it printed if it exits first.
 */
export async function startServer(
  env: Record<string, string>,
  waitFor?: RegExp,
  options: { hideFonts?: boolean } = {},
): Promise<StartedServer> {
  const [command, args] = options.hideFonts ? withoutSystemFonts(process.execPath, [BIN]) : [process.execPath, [BIN]];
  const child: ChildProcess = spawn(command, args, {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`未在 180 秒内启动：\n${output}`)), 180_000);
    const look = () => {
      const started = /已启动 (http:\/\/localhost:\d+\/)/.exec(output);
      if (started || waitFor?.test(output)) {
        clearTimeout(timer);
        resolve(started?.[1] ?? '');
      }
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      look();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      look();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`退出（${code}）：\n${output}`));
    });
  });
  return { url, output: () => output, exited, kill: (signal) => child.kill(signal) };
}
