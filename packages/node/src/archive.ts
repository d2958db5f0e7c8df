import { openZip, readEntries, type ZipEntry } from '@xxgk/core';

/**
 * Reports sent in a ZIP archive (a crawl's download, a province's collection), read with the
 * readers' own ZIP code (core's parse/extract/zip.ts: the central directory read first, sizes and
 * CRC checked, inflation stopped past a limit), one entry at a time so that an archive of
 * thousands of reports never holds them all inflated.
 */
export interface ArchiveEntry {
  /** `archive.zip/inner/path.pdf`: where the report came from, for the summary and the file row. */
  readonly name: string;
  /** The inflated size the archive declares. */
  readonly size: number;
  /** Inflates the entry; throws ParseError ('zip-bomb', 'corrupt', 'encrypted') naming the archive. */
  read(): Uint8Array;
  /**
   * The entry's bytes as the archive stores them (its local header and compressed data, cut at
   * the archive's end): what an entry that cannot be inflated is known by.
   */
  stored(): Uint8Array;
}

/** A local file header's fixed part, before the entry's name and extra field. */
const LOCAL_HEADER = 30;

const PK = [0x50, 0x4b, 0x03, 0x04];

/**
 * Whether a file is an archive of reports rather than a report: a ZIP by name and content that is
 * not an Office document (a DOCX is a ZIP too, with a `[Content_Types].xml`).
 */
export function isReportArchive(name: string, bytes: Uint8Array): boolean {
  if (!/\.zip$/iu.test(name) || !PK.every((b, i) => bytes[i] === b)) return false;
  try {
    return !openZip(bytes, name).entries.some((e) => e.name === '[Content_Types].xml');
  } catch {
    // A damaged archive is read as a report, and the reader says why it cannot be.
    return false;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/**
 * An entry's name: archives made on Chinese Windows store names in GBK without the UTF-8 flag,
 * which the ZIP reader gives as Latin-1; their bytes are read again as UTF-8, else GB 18030.
 */
function entryName(entry: ZipEntry): string {
  if (entry.flags & 0x800) return entry.name;
  const bytes = Uint8Array.from(entry.name, (ch) => ch.charCodeAt(0) & 0xff);
  try {
    return utf8.decode(bytes);
  } catch {
    return gb18030.decode(bytes);
  }
}

/** Folders, hidden files and the resource forks macOS adds are not reports. */
function isReportEntry(name: string): boolean {
  if (name.endsWith('/') || name.startsWith('__MACOSX/')) return false;
  return !(name.split('/').pop() ?? '').startsWith('.');
}

/** The reports in an archive, each no larger than `maxBytes` inflated (the readers' size limit). */
export function archiveEntries(bytes: Uint8Array, archive: string, maxBytes: number): ArchiveEntry[] {
  const zip = openZip(bytes, archive);
  const at = (offset: number) => Math.min(Math.max(0, offset), bytes.length);
  return zip.entries
    .map((entry) => ({ entry, name: entryName(entry) }))
    .filter(({ name }) => isReportEntry(name))
    .map(({ entry, name }) => ({
      name: `${archive}/${name}`,
      size: entry.size,
      read: () => readEntries(zip, [entry], maxBytes, archive, undefined, maxBytes)[0] as Uint8Array,
      stored: () => bytes.subarray(at(entry.localOffset), at(entry.localOffset + LOCAL_HEADER + entry.compressedSize)),
    }));
}
