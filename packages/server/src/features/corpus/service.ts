import { availableParallelism } from 'node:os';
import type { Kysely } from 'kysely';
import { DEFAULT_LIMITS, normaliseOrganName, ParseError, type OrganLevel } from '@xxgk/core';
import { archiveEntries, isReportArchive, ParsePool, UPLOAD_PARSING, type ParsePoolOptions } from '@xxgk/node';
import type { Database } from '../../db/schema.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import { logError } from '../../log.js';
import type { Actor } from '../access.js';
import { appendAudit } from '../audit/repository.js';
import { refreshCorpusSummaries } from '../corpus-analysis/repository.js';
import {
  archiveInputs,
  importAll,
  type CorpusInput,
  type CorpusOutcome,
  type CorpusSummary,
  type ReadReportFile,
} from './import.js';
import {
  batchCounts,
  batchFiles,
  createBatch,
  findBatch,
  finishBatch,
  listOrgans,
  lockOrgan,
  mergeOrganRows,
  moveReports,
  nameRow,
  organById,
  organsOfSpelling,
  renumberVersions,
  yearsOfOrgans,
  setNameManually,
  type OrganListQuery,
} from './repository.js';

/**
 * Reading a corpus uses every core (the request thread yields: the workers run at a lower
 * priority), and files wait for a thread rather than being refused: a batch is a queue of its own.
 */
export const CORPUS_PARSING: ParsePoolOptions = {
  ...UPLOAD_PARSING,
  threads: availableParallelism(),
  queue: Number.MAX_SAFE_INTEGER,
};

/** An uploaded file: a report, or a ZIP archive of reports. */
export interface Upload {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** An upload as the files to import: the reports in an archive, else the file itself. */
function uploadInputs(upload: Upload): CorpusInput[] {
  const { name, bytes } = upload;
  if (isReportArchive(name, bytes)) {
    try {
      return archiveInputs(archiveEntries(bytes, name, DEFAULT_LIMITS.maxBytes));
    } catch (error) {
      // An archive whose directory cannot be read is imported as one file, which fails with the reason.
      if (!(error instanceof ParseError)) throw error;
    }
  }
  return [{ name, read: async () => ({ bytes }) }];
}

/** Who imports and curates the corpus: the 政务公开办 (a researcher's own instance gives them this role). */
function assertCurator(actor: Actor | null): void {
  if (actor && actor.role !== 'supervisor') throw forbidden('只有政务公开办可以导入和管理报告语料库');
}

export interface CorpusImportOptions {
  /** The batch the files belong to (`startBatch`). */
  readonly batch: number;
  /** Called after each file, in the order they finish. */
  readonly onFile?: (outcome: CorpusOutcome) => void;
}

export interface CorpusServiceOptions {
  /** Reads a file as a report; the worker pool by default. */
  readonly read?: ReadReportFile;
  /** Files imported at once (default: one a core). */
  readonly threads?: number;
}

/**
 * The national corpus: published reports of any organ, imported in bulk (issue 15). A file is
 * known by the SHA-256 of its bytes, so importing is idempotent and a killed run is resumed by
 * running it again: each file's rows are written in one transaction, and a file already stored
 * is skipped (counted as 已存在).
 */
export class CorpusService {
  private pool: ParsePool | undefined;
  /** Files found already imported, by batch, while a batch runs in this process. */
  private readonly running = new Map<number, CorpusSummary>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: CorpusServiceOptions = {},
  ) {}

  get threads(): number {
    return this.options.threads ?? CORPUS_PARSING.threads;
  }

  private read: ReadReportFile = (bytes, file) => {
    if (this.options.read) return this.options.read(bytes, file);
    this.pool ??= new ParsePool(CORPUS_PARSING);
    return this.pool.parseFigures(bytes, file);
  };

  /** Records a new batch of `total` files; `actor` null is the command line. */
  async startBatch(actor: Actor | null, label: string, total: number): Promise<number> {
    assertCurator(actor);
    return this.db.transaction().execute(async (trx) => {
      const id = await createBatch(trx, label, actor?.id ?? null, total);
      await appendAudit(trx, {
        actorId: actor?.id ?? null,
        organId: actor?.organId ?? null,
        entity: 'corpusBatch',
        entityId: id,
        action: 'import',
        after: { label, total },
      });
      return id;
    });
  }

  /** Imports the files into the batch and marks it finished; returns the counts. */
  async importCorpusFiles(files: Iterable<CorpusInput>, options: CorpusImportOptions): Promise<CorpusSummary> {
    const summary = { read: 0, review: 0, failed: 0, existing: 0 };
    const years = new Set<number>();
    this.running.set(options.batch, summary);
    try {
      const done = await importAll(this.db, this.read, files, {
        batch: options.batch,
        threads: this.threads,
        onFile: (outcome) => {
          summary[outcome.status] += 1;
          if (outcome.year !== undefined && outcome.status !== 'existing') years.add(outcome.year);
          options.onFile?.(outcome);
        },
      });
      // The dashboard reads the summary table: the years this batch added reports to are summed again.
      if (years.size > 0) await refreshCorpusSummaries(this.db, { years: [...years] });
      await finishBatch(this.db, options.batch);
      return done;
    } finally {
      this.running.delete(options.batch);
    }
  }

  /**
   * The API's import of uploaded files (a ZIP archive of reports counts as its reports): the batch
   * is recorded and its id returned at once; the files are read after, and the page polls.
   */
  async upload(actor: Actor, label: string, uploads: readonly Upload[]) {
    assertCurator(actor);
    const files = uploads.flatMap((upload) => uploadInputs(upload));
    if (files.length === 0) throw badRequest('请选择要导入的报告文件');
    const batchId = await this.startBatch(actor, label, files.length);
    void this.importCorpusFiles(files, { batch: batchId }).catch((error: unknown) =>
      logError(error, `报告语料导入批次 ${batchId}`),
    );
    return { batchId, total: files.length };
  }

  /** A batch's progress and counts, and a page of its files with their outcome. */
  async batch(actor: Actor, id: number, page: { status?: string; limit: number; offset: number }) {
    assertCurator(actor);
    const batch = await findBatch(this.db, id);
    if (!batch) throw notFound('导入批次');
    const counts = await batchCounts(this.db, id);
    const stored = { read: counts.read ?? 0, review: counts.review ?? 0, failed: counts.failed ?? 0 };
    const kept = stored.read + stored.review + stored.failed;
    const finished = batch.finished_at !== null;
    // Files found already imported are not the batch's: their number is what the finished batch did not store.
    const existing = finished ? Math.max(0, batch.total - kept) : (this.running.get(id)?.existing ?? 0);
    const files = await batchFiles(this.db, { batchId: id, ...page });
    return {
      id: batch.id,
      label: batch.label,
      startedAt: new Date(batch.started_at).toISOString(),
      finishedAt: batch.finished_at ? new Date(batch.finished_at).toISOString() : null,
      total: batch.total,
      done: finished ? batch.total : kept + existing,
      ...stored,
      existing,
      files: {
        total: files.total,
        items: files.items.map((f) => ({
          id: f.id,
          fileName: f.file_name,
          status: f.status as 'read' | 'review' | 'failed',
          reason: f.error,
          size: f.size,
          organId: f.organ_id,
          organName: f.organ_name,
          year: f.year,
          version: f.version,
        })),
      },
    };
  }

  async organs(actor: Actor, query: OrganListQuery) {
    assertCurator(actor);
    const { items, total } = await listOrgans(this.db, query);
    return {
      total,
      items: items.map((o) => ({
        id: o.id,
        name: o.name,
        regionCode: o.region_code,
        level: o.level as OrganLevel | null,
        kind: o.kind as 'government' | 'department',
        confidence: o.confidence,
        names: o.names,
        reports: o.reports,
      })),
    };
  }

  /** The organ a spelling means, following merges; notFound when there is none. */
  private async organ(id: number) {
    let organ = await organById(this.db, id);
    for (let hop = 0; hop < 5 && organ?.merged_into; hop += 1) organ = await organById(this.db, organ.merged_into);
    if (!organ) throw notFound('语料库中的机关');
    return organ;
  }

  /**
   * A person says which organ a spelling names: it is kept as a manual choice (the matcher never
   * changes it again) and the reports read under that spelling move to the organ, their versions
   * numbered again in the order they were imported.
   */
  async setOrganName(actor: Actor, rawName: string, organId: number) {
    assertCurator(actor);
    const name = normaliseOrganName(rawName);
    if (!name) throw badRequest('机关名称不能为空');
    const organ = await this.organ(organId);
    const touched = await this.db.transaction().execute(async (trx) => {
      const before = await nameRow(trx, name);
      const affected = [...new Set([organ.id, ...(await organsOfSpelling(trx, name))])].sort((a, b) => a - b);
      for (const id of affected) await lockOrgan(trx, id);
      await setNameManually(trx, name, organ.id);
      await moveReports(trx, organ, { name });
      await renumberVersions(trx, affected);
      await appendAudit(trx, {
        actorId: actor.id,
        organId: actor.organId,
        entity: 'corpusOrganName',
        entityId: name,
        action: 'repoint',
        ...(before ? { before: { organId: before.organ_id, source: before.source } } : {}),
        after: { organId: organ.id, organName: organ.name },
      });
      return affected;
    });
    await this.refreshOrgans(touched);
    return { name, organId: organ.id, organName: organ.name, source: 'manual' as const, confidence: 1 };
  }

  /** A person says two organs are one: `id` is merged into `into`, its spellings and reports with it. */
  async mergeOrgan(actor: Actor, id: number, intoId: number) {
    assertCurator(actor);
    const from = await this.organ(id);
    const into = await this.organ(intoId);
    if (from.id === into.id) throw badRequest('不能把机关合并到它自己');
    await this.db.transaction().execute(async (trx) => {
      for (const organ of [from.id, into.id].sort((a, b) => a - b)) await lockOrgan(trx, organ);

      await mergeOrganRows(trx, from.id, into.id);
      await moveReports(trx, into, { fromOrgan: from.id });
      await renumberVersions(trx, [into.id]);
      await appendAudit(trx, {
        actorId: actor.id,
        organId: actor.organId,
        entity: 'corpusOrgan',
        entityId: from.id,
        action: 'merge',
        before: { organId: from.id, name: from.name },
        after: { organId: into.id, name: into.name },
      });
    });
    await this.refreshOrgans([into.id]);
    return { id: from.id, mergedInto: into.id };
  }

  /** Reports moved between organs (their place, level, kind and current version may change): their years are summed again. */
  private async refreshOrgans(organIds: readonly number[]) {
    const years = await yearsOfOrgans(this.db, organIds);
    if (years.length > 0) await refreshCorpusSummaries(this.db, { years, whole: true });
  }

  /** Stops the worker threads (the command line, when done). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }
}
