import type { Kysely, Transaction } from 'kysely';
import { ruleById, type Finding, type SourceKind } from '@xxgk/core';
import type { ReportFigures } from '@xxgk/node';
import type { Database } from '../../db/schema.js';
import {
  commitWithoutWaiting,
  insertFiles,
  insertReports,
  lockOrgans,
  organYearKey,
  retireCurrents,
  type NewCorpusFile,
  type NewCorpusReport,
} from './import/repository.js';
import { resolveOrgans, SURE_MATCH, type ResolvedOrgan } from './organs.js';
import type { CorpusOutcome } from './outcome.js';

/** A file ready to be kept: read (or refused by the reader, with why), its bytes hashed. */
export interface Ready {
  readonly file: string;
  readonly sha256: string;
  /** Null for a file over the size limit, or an archive entry that could not be unpacked. */
  readonly bytes: Uint8Array | null;
  readonly size: number;
  readonly read: { readonly parsed: ReportFigures } | { readonly failure: string };
}

const MEDIA_TYPES: Readonly<Record<SourceKind, string>> = {
  text: 'text/plain',
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  pdf: 'application/pdf',
};

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
function reviewReason(parsed: ReportFigures, organSure: boolean): string | undefined {
  const { agency, year } = parsed.report.meta;
  const reasons: string[] = [];
  if (!agency.trim()) reasons.push('未读出报告机关的名称');
  if (year === null) reasons.push('未读出报告年度');
  if (agency.trim() && !organSure) reasons.push(`机关“${agency.trim()}”的识别把握不足，请确认所属机关`);
  for (const f of readerErrors(parsed.findings)) reasons.push(f.message);
  return reasons.length > 0 ? reasons.join('；') : undefined;
}

/** The ids of the consistency rules the report breaks (errors and warnings). */
function failedRules(findings: readonly Finding[]): string[] {
  const ids = findings.filter((f) => f.severity !== 'info' && ruleById(f.rule)).map((f) => f.rule);
  return [...new Set(ids)].sort();
}

/** A file as the group keeps it: its row, what it became, and its report when it has one. */
interface Planned {
  readonly row: NewCorpusFile;
  readonly outcome: CorpusOutcome;
  readonly report?: { readonly organ: ResolvedOrgan; readonly year: number; readonly parsed: ReportFigures };
}

function plan(at: Ready, batch: number | null, organs: Map<string, ResolvedOrgan>): Planned {
  const base = { sha256: at.sha256, batch_id: batch, file_name: at.file, size: at.size, content: at.bytes };
  if ('failure' in at.read) {
    const { failure } = at.read;
    const row = { ...base, media_type: 'application/octet-stream', status: 'failed', error: failure };
    return { row, outcome: { file: at.file, status: 'failed', reason: failure } };
  }
  const { parsed } = at.read;
  const agency = parsed.report.meta.agency.trim();
  const organ = agency ? organs.get(agency) : undefined;
  const why = reviewReason(parsed, (organ?.confidence ?? 0) >= SURE_MATCH);
  const reason = why ? `${at.file}：${why}` : undefined;
  const status = reason ? 'review' : 'read';
  const row = { ...base, media_type: MEDIA_TYPES[parsed.source], status, error: reason ?? null };
  const outcome: CorpusOutcome = { file: at.file, status, ...(reason ? { reason } : {}) };
  const { year } = parsed.report.meta;
  if (!organ || year === null) return { row, outcome };
  return { row, outcome: { ...outcome, organ: organ.organ.name, year }, report: { organ, year, parsed } };
}

function reportRow(at: NonNullable<Planned['report']>, fileId: number, version: number, current: boolean) {
  const { organ, year, parsed } = at;
  const { report, findings } = parsed;
  return {
    organ: organ.organ,
    year,
    version,
    current,
    fileId,
    format: report.meta.format,
    // As the worker wrote them: parsing them here only to write them out again would cost this thread.
    figures: parsed.json.cells,
    findings,
    failedRules: failedRules(findings),
    sources: parsed.json.sources,
    meta: {
      agency: report.meta.agency,
      organName: organ.name,
      year,
      format: report.meta.format,
      ...(report.meta.title ? { title: report.meta.title } : {}),
      ...(report.meta.publishedOn ? { publishedOn: report.meta.publishedOn } : {}),
    },
  } satisfies NewCorpusReport;
}

/**
 * Keeps a group of files and their reports in one transaction, so that a run killed at any moment
 * leaves each group either wholly imported or absent (and a rerun imports it then). The reports
 * are written under their organs' advisory locks, so that two runs importing files of the same
 * organ and year cannot both take the same version. A file with other bytes for an organ's year
 * already kept is a new version, even if its figures are the same (a re-publication in another
 * format, a corrected typo in the prose): the corpus keeps what was published, and the newest is
 * current — within the group too, in the order the files came.
 */
async function writeGroup(trx: Transaction<Database>, batch: number | null, group: readonly Ready[]) {
  await commitWithoutWaiting(trx);
  const agencies = group.flatMap((at) => ('parsed' in at.read ? [at.read.parsed.report.meta.agency.trim()] : []));
  const organs = await resolveOrgans(
    trx,
    agencies.filter((a) => a),
  );
  const planned = group.map((at) => plan(at, batch, organs));
  const ids = await insertFiles(
    trx,
    planned.map((p) => p.row),
  );
  // A file another run stored first is that run's.
  const kept = planned.filter((p) => ids.has(p.row.sha256));
  const reports = kept.filter((p) => p.report !== undefined);
  const keys = reports.map((p) => ({ organId: p.report?.organ.organ.id as number, year: p.report?.year as number }));
  await lockOrgans(
    trx,
    keys.map((k) => k.organId),
  );
  const versions = await retireCurrents(trx, keys);
  const last = new Map(keys.map((k, i) => [organYearKey(k), i]));
  const outcomes = new Map<Planned, CorpusOutcome>();
  const rows = reports.map((p, i) => {
    const key = organYearKey(keys[i] as (typeof keys)[number]);
    const version = (versions.get(key) ?? 0) + 1;
    versions.set(key, version);
    outcomes.set(p, { ...p.outcome, version });
    return reportRow(
      p.report as NonNullable<Planned['report']>,
      ids.get(p.row.sha256) as number,
      version,
      last.get(key) === i,
    );
  });
  await insertReports(trx, rows);
  return planned.map((p): CorpusOutcome =>
    ids.has(p.row.sha256) ? (outcomes.get(p) ?? p.outcome) : { file: p.row.file_name, status: 'existing' },
  );
}

/** SQLSTATE classes that mean a row of the file's own could not be stored (data, constraint, limits). */
const FILE_FAULTS = /^(22|23|54)/;
/** Deadlock and serialisation failure: the group is tried again. */
const RETRY = new Set(['40P01', '40001']);

const sqlState = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : '';

/**
 * Writes a group; should it fail for a file's own data (a value PostgreSQL refuses), each file is
 * written alone, so that the others are kept and the one at fault is recorded as failed with why.
 * Anything else (the database gone) stops the batch.
 */
export async function keepGroup(
  db: Kysely<Database>,
  batch: number | null,
  group: readonly Ready[],
): Promise<CorpusOutcome[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute((trx) => writeGroup(trx, batch, group));
    } catch (error) {
      const state = sqlState(error);
      if (RETRY.has(state) && attempt < 3) continue;
      if (!FILE_FAULTS.test(state)) throw error;
      if (group.length > 1) {
        // One at a time, in order: a year's versions follow the files' order as in the group.
        const outcomes: CorpusOutcome[] = [];
        for (const at of group) outcomes.push(...(await keepGroup(db, batch, [at])));
        return outcomes;
      }
      const at = group[0] as Ready;
      if ('failure' in at.read) throw error;
      const failure = `${at.file}：无法存入语料库（${(error as Error).message}）`;
      return keepGroup(db, batch, [{ ...at, read: { failure } }]);
    }
  }
}
