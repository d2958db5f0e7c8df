import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ParseError, ruleById, type Finding, type ParsedReport, type SourceKind } from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import { resolveOrgan, SURE_MATCH } from './organs.js';
import { fileBySha, insertFile, insertReport, lockOrgan, retireCurrent } from './repository.js';

/** One file to import: its name (a path, or `archive.zip/inner/name`) and a way to get its bytes. */
export interface CorpusInput {
  readonly name: string;
  /**
   * The file's bytes; for a file over the size limit (not read into memory) its SHA-256, size and
   * the reader's refusal instead, so that it is still recorded once, as failed.
   */
  read(): Promise<{ readonly bytes: Uint8Array } | CorpusRefusal>;
}

export interface CorpusRefusal {
  readonly sha256: string;
  readonly size: number;
  readonly error: ParseError;
}

/** What became of one file: `existing` when the same bytes were imported before (by any batch). */
export type CorpusStatus = 'read' | 'review' | 'failed' | 'existing';

export interface CorpusOutcome {
  readonly file: string;
  readonly status: CorpusStatus;
  /** Why it failed or needs review, in Chinese, naming the file. */
  readonly reason?: string;
  readonly organ?: string;
  readonly year?: number;
  readonly version?: number;
}

/** Reads a file's bytes as a report (the worker pool in production). */
export type ReadReportFile = (bytes: Uint8Array, file: string) => Promise<ParsedReport>;

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const MEDIA_TYPES: Readonly<Record<SourceKind, string>> = {
  text: 'text/plain',
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  pdf: 'application/pdf',
};

/** The reason a file failed, naming it once (the reader's message may name it already). */
function failure(file: string, error: ParseError): string {
  return error.message.startsWith(`${file}：`) ? error.message : `${file}：${error.message}`;
}

/** The reader's own findings (not the consistency rules') that mean a table was not read whole. */
const readerErrors = (findings: readonly Finding[]) =>
  findings.filter((f) => f.severity === 'error' && !ruleById(f.rule));

/**
 * Why a read file needs a person, or undefined when it does not. A file needs review when it was
 * read but cannot be trusted as read: its organ or year not found (no report row can be keyed
 * then), its organ's match unsure, or the reader's own error findings (a table it could not read
 * whole). The consistency rules' errors are not a reason: a report breaking the rules is what the
 * corpus analyses, and they are kept in `failed_rules`.
 */
function reviewReason(parsed: ParsedReport, organSure: boolean): string | undefined {
  const { agency, year } = parsed.report.meta;
  const reasons: string[] = [];
  if (!agency.trim()) reasons.push('未读出报告机关的名称');
  if (year === null) reasons.push('未读出报告年度');
  if (agency.trim() && !organSure) reasons.push(`机关“${agency.trim()}”的识别把握不足，请确认所属机关`);
  for (const f of readerErrors(parsed.findings)) reasons.push(f.message);
  return reasons.length > 0 ? reasons.join('；') : undefined;
}

/** Cell ID → where it was read, with how the aligner placed it (the file's name is the file row's). */
function sourcesOf(parsed: ParsedReport): Record<string, unknown> {
  const sources: Record<string, unknown> = {};
  const placements = parsed.placements ?? {};
  for (const [cell, source] of Object.entries(parsed.report.provenance ?? {})) {
    if (!source) continue;
    const { file: _file, ...at } = source;
    const placed = placements[cell];
    sources[cell] = placed ? { ...at, placedBy: placed.placedBy, placement: placed.confidence } : at;
  }
  return sources;
}

/** The ids of the consistency rules the report breaks (errors and warnings). */
function failedRules(findings: readonly Finding[]): string[] {
  const ids = findings.filter((f) => f.severity !== 'info' && ruleById(f.rule)).map((f) => f.rule);
  return [...new Set(ids)].sort();
}

interface Stored {
  readonly file: string;
  readonly batch: number | null;
  readonly sha256: string;
  /** Null for a file over the size limit, never read into memory. */
  readonly bytes: Uint8Array | null;
}

/** Keeps a file that could not be read, with why. */
async function storeFailed(db: Kysely<Database>, at: Stored, error: ParseError, size: number) {
  const reason = failure(at.file, error);
  const id = await insertFile(db, {
    sha256: at.sha256,
    batch_id: at.batch,
    file_name: at.file,
    media_type: 'application/octet-stream',
    size,
    content: at.bytes,
    status: 'failed',
    error: reason,
  });
  return id === undefined ? existing(at.file) : { file: at.file, status: 'failed' as const, reason };
}

const existing = (file: string): CorpusOutcome => ({ file, status: 'existing' });

/**
 * Keeps a read file and its report in one transaction, so that a run killed at any moment leaves
 * each file either wholly imported or absent (and a rerun imports it then). The organ's reports
 * are written under its advisory lock, so that two runs importing files of the same organ and
 * year cannot both take the same version. A file with other bytes for an organ's year already
 * kept is a new version, even if its figures are the same (a re-publication in another format, a
 * corrected typo in the prose): the corpus keeps what was published, and the newest is current.
 */
async function storeRead(db: Kysely<Database>, at: Stored, parsed: ParsedReport): Promise<CorpusOutcome> {
  const { report, findings, source } = parsed;
  const bytes = at.bytes ?? new Uint8Array();
  const agency = report.meta.agency.trim();
  return db.transaction().execute(async (trx) => {
    const resolved = agency ? await resolveOrgan(trx, agency) : undefined;
    const reason = reviewReason(parsed, (resolved?.confidence ?? 0) >= SURE_MATCH);
    const fileId = await insertFile(trx, {
      sha256: at.sha256,
      batch_id: at.batch,
      file_name: at.file,
      media_type: MEDIA_TYPES[source],
      size: bytes.length,
      content: bytes,
      status: reason ? 'review' : 'read',
      error: reason ? `${at.file}：${reason}` : null,
    });
    if (fileId === undefined) return existing(at.file);
    const status = reason ? 'review' : 'read';
    const year = report.meta.year;
    if (!resolved || year === null)
      return { file: at.file, status, ...(reason ? { reason: `${at.file}：${reason}` } : {}) };
    const { organ } = resolved;
    await lockOrgan(trx, organ.id);
    const version = (await retireCurrent(trx, organ.id, year)) + 1;
    await insertReport(trx, {
      organ,
      year,
      version,
      fileId,
      format: report.meta.format,
      figures: report.cells as Record<string, number | null>,
      findings,
      failedRules: failedRules(findings),
      sources: sourcesOf(parsed),
      meta: {
        agency: report.meta.agency,
        organName: resolved.name,
        year,
        format: report.meta.format,
        ...(report.meta.title ? { title: report.meta.title } : {}),
        ...(report.meta.publishedOn ? { publishedOn: report.meta.publishedOn } : {}),
      },
    });
    return {
      file: at.file,
      status,
      organ: organ.name,
      year,
      version,
      ...(reason ? { reason: `${at.file}：${reason}` } : {}),
    };
  });
}

/**
 * Imports one file: skipped when its bytes are known (idempotent: the same file twice is one
 * report), else read and kept as read, needing review, or failed. Only a ParseError (the file's
 * own fault) is a failure; anything else (the database gone) stops the batch.
 */
export async function importOne(
  db: Kysely<Database>,
  read: ReadReportFile,
  input: CorpusInput,
  batch: number | null,
): Promise<CorpusOutcome> {
  const file = input.name;
  const got = await input.read().catch((error: unknown) => {
    if (error instanceof ParseError) return { sha256: '', size: 0, error };
    throw error;
  });
  if ('error' in got) {
    if (!got.sha256) return { file, status: 'failed', reason: failure(file, got.error) };
    if (await fileBySha(db, got.sha256)) return existing(file);
    return storeFailed(db, { file, batch, sha256: got.sha256, bytes: null }, got.error, got.size);
  }
  const { bytes } = got;
  const sha256 = sha256Of(bytes);
  if (await fileBySha(db, sha256)) return existing(file);
  const at = { file, batch, sha256, bytes };
  let parsed: ParsedReport;
  try {
    parsed = await read(bytes, file);
  } catch (error) {
    if (error instanceof ParseError) return storeFailed(db, at, error, bytes.length);
    throw error;
  }
  return storeRead(db, at, parsed);
}

/** A batch's counts as the summary gives them. */
export interface CorpusSummary {
  read: number;
  review: number;
  failed: number;
  existing: number;
}

export const emptySummary = (): CorpusSummary => ({ read: 0, review: 0, failed: 0, existing: 0 });

/**
 * Imports the files in the order given, twice as many at a time as there are worker threads: while
 * one file of a thread's pair is kept (several round trips to the database), the other is read,
 * so the threads do not wait for the database. A bad file is recorded and the batch goes on.
 */
export async function importAll(
  db: Kysely<Database>,
  read: ReadReportFile,
  inputs: Iterable<CorpusInput>,
  options: { readonly batch: number | null; readonly threads: number; readonly onFile?: (o: CorpusOutcome) => void },
): Promise<CorpusSummary> {
  const summary = emptySummary();
  const queue = inputs[Symbol.iterator]();
  const lane = async (): Promise<void> => {
    for (let next = queue.next(); !next.done; next = queue.next()) {
      const outcome = await importOne(db, read, next.value, options.batch);
      summary[outcome.status] += 1;
      options.onFile?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: 2 * Math.max(1, options.threads) }, lane));
  return summary;
}
