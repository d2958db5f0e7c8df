import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from './errors.js';

/** Files named on the command line, directories read recursively (hidden entries skipped), in a stable order. */
export async function collectFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (path: string): Promise<void> => {
    const entries = await readdir(path, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(path, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new CliError(`找不到 ${path}`);
    if (info.isDirectory()) await walk(path);
    else files.push(path);
  }
  return files;
}
