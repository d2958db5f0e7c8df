import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Opens a generated file as a user's office suite would: LibreOffice converts it (DOCX → txt,
 * XLSX → csv) and the text comes back. A machine without LibreOffice fails the test.
 */
export async function convertWithLibreOffice(bytes: Uint8Array, from: string, to: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'xxgk-office-'));
  try {
    const file = join(dir, `in.${from}`);
    await writeFile(file, bytes);
    await run(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${dir}/lo`,
        '--convert-to',
        to,
        '--outdir',
        dir,
        file,
      ],
      { timeout: 180_000 },
    );
    return await readFile(join(dir, `in.${to.split(':')[0]}`), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether `phrase` stands in `text`, ignoring line breaks and spaces of the layout. */
export const readable = (text: string, phrase: string): boolean =>
  text.replace(/\s+/g, '').includes(phrase.replace(/\s+/g, ''));
