import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { ParseError } from '@xxgk/core';

/**
 * Reads a report file no larger than `maxBytes` (the readers' `ParseLimits.maxBytes`): the size
 * is checked before the file is read, so a huge file costs no memory, and refused as the readers
 * refuse a large input (ParseError 'too-large', the file named).
 */
export async function readReportFile(file: string, maxBytes: number): Promise<Uint8Array> {
  const size = (await stat(file)).size;
  if (size > maxBytes) throw new ParseError('too-large', `文件大小 ${size} 字节，超过上限 ${maxBytes} 字节`, file);
  return new Uint8Array(await readFile(file));
}

/** The SHA-256 of a file's bytes, read as a stream: a file too large to read still has its identity. */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
