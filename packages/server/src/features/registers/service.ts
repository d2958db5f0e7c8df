import type { Kysely } from 'kysely';
import {
  decodeCsv,
  figureCellIds,
  formatForYear,
  parseDocumentsCsv,
  parseReviewsCsv,
  type CsvImport,
  type DocumentRecord,
  type ReportFormat,
  type ReviewRecord,
  type Role,
} from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import { assertRead, assertWrite, type Actor } from '../access.js';
import { appendAudit } from '../audit/repository.js';
import { getOrgan } from '../organs/repository.js';
import { applicationIdsBySerial, organOfApplication } from '../applications/repository.js';
import {
  findFigures,
  findReview,
  insertDocument,
  insertDocuments,
  insertReview,
  insertReviews,
  lockDocument,
  lockReview,
  saveFigures,
  updateDocument,
  updateReview,
  listDocuments,
  listReviews,
  type DocumentQuery,
  type DocumentView,
  type Page,
  type ReviewQuery,
  type ReviewView,
} from './repository.js';

/** The organ's own staff keep its registers. */
const REGISTER_KEEPERS: readonly Role[] = ['officer', 'reviewer', 'organAdmin'];

export interface ReviewInput extends ReviewRecord {
  readonly caseNo: string;
  readonly applicationId?: number | null;
  readonly note?: string | null;
}

export interface ImportResult<T> extends CsvImport<T> {
  /** How many rows were saved: 0 for a preview (dryRun), or when any row has an error. */
  readonly saved: number;
}

/** The figures of a year, with the cells its format takes (none when no national format applies). */
export interface RegisterFigures {
  readonly year: number;
  readonly format: ReportFormat | null;
  readonly cells: string[];
  readonly figures: Readonly<Record<string, number | null>>;
  /** 0 before the first save. */
  readonly version: number;
}

export type SavedRegisterFigures = Pick<RegisterFigures, 'year' | 'figures' | 'version'>;

function documentColumns(input: DocumentRecord) {
  return {
    kind: input.kind,
    number: input.number ?? null,
    title: input.title,
    issued_on: input.issuedOn,
    repealed_on: input.repealedOn ?? null,
  };
}

function reviewColumns(input: ReviewRecord & { caseNo: string; note?: string | null }, applicationId: number | null) {
  return {
    kind: input.kind,
    case_no: input.caseNo,
    application_id: applicationId,
    filed_on: input.filedOn,
    concluded_on: input.concludedOn ?? null,
    result: input.result ?? null,
    note: input.note ?? null,
  };
}

/**
 * The registers behind sections 二 and 四 of the annual report: the 规章 and 行政规范性文件 the
 * organ issued and repealed, the year's decision counts and fees, and reconsideration and
 * litigation cases. CSV imports are previewed first; a file with any bad row saves nothing, so
 * that a register is never half-imported, and every error names its line and column.
 */
export class RegisterService {
  constructor(private readonly db: Kysely<Database>) {}

  /** A page of the organ's documents, newest first. */
  async documents(actor: Actor, organId: number, query: Omit<DocumentQuery, 'organId'>): Promise<Page<DocumentView>> {
    assertRead(actor, await getOrgan(this.db, organId), '机关的登记');
    return listDocuments(this.db, { ...query, organId });
  }

  async addDocument(actor: Actor, organId: number, input: DocumentRecord): Promise<DocumentView> {
    assertWrite(actor, await getOrgan(this.db, organId), '机关的登记', REGISTER_KEEPERS);
    checkDocument(input);
    return this.db.transaction().execute(async (trx) => {
      const row = await insertDocument(trx, organId, documentColumns(input));
      await appendAudit(trx, {
        actorId: actor.id,
        organId,
        entity: 'document',
        entityId: row.id,
        action: 'create',
        after: row,
      });
      return row;
    });
  }

  async updateDocument(actor: Actor, id: number, input: DocumentRecord): Promise<DocumentView> {
    checkDocument(input);
    return this.db.transaction().execute(async (trx) => {
      const before = await lockDocument(trx, id);
      if (!before) throw notFound('文件登记');
      assertWrite(actor, await getOrgan(trx, before.organ_id), '文件登记', REGISTER_KEEPERS);
      const row = await updateDocument(trx, id, documentColumns(input));
      await appendAudit(trx, {
        actorId: actor.id,
        organId: before.organ_id,
        entity: 'document',
        entityId: id,
        action: 'update',
        before,
        after: row,
      });
      return row;
    });
  }

  async importDocuments(
    actor: Actor,
    organId: number,
    bytes: Uint8Array,
    dryRun: boolean,
  ): Promise<ImportResult<DocumentRecord>> {
    assertWrite(actor, await getOrgan(this.db, organId), '机关的登记', REGISTER_KEEPERS);
    const parsed = parseDocumentsCsv(decodeCsv(bytes));
    if (dryRun || parsed.errors.length > 0 || parsed.rows.length === 0) return { ...parsed, saved: 0 };
    await this.db.transaction().execute(async (trx) => {
      const rows = parsed.rows.map(({ value }) => ({ organ_id: organId, ...documentColumns(value) }));
      await insertDocuments(trx, rows);
      await appendAudit(trx, {
        actorId: actor.id,
        organId,
        entity: 'document',
        entityId: 'import',
        action: 'import',
        after: { rows: parsed.rows.length },
      });
    });
    return { ...parsed, saved: parsed.rows.length };
  }

  async figures(actor: Actor, organId: number, year: number): Promise<RegisterFigures> {
    assertRead(actor, await getOrgan(this.db, organId), '机关的登记');
    const row = await findFigures(this.db, organId, year);
    const format = formatForYear(year) ?? null;
    return {
      year,
      format,
      cells: format ? [...figureCellIds(format)] : [],
      figures: row?.figures ?? {},
      version: row?.version ?? 0,
    };
  }

  /** Saves the year's figures if nobody saved them since `version` (0 for the first save). */
  async putFigures(
    actor: Actor,
    organId: number,
    year: number,
    version: number,
    figures: Record<string, number | null>,
  ): Promise<SavedRegisterFigures> {
    assertWrite(actor, await getOrgan(this.db, organId), '机关的登记', REGISTER_KEEPERS);
    const format = formatForYear(year);
    if (!format) throw badRequest(`${year}年不适用全国统一的年度报告格式`);
    const allowed = new Set(figureCellIds(format));
    const unknown = Object.keys(figures).filter((id) => !allowed.has(id));
    if (unknown.length > 0) {
      throw badRequest(
        `${year}年（${format}格式）没有这些填报项：${unknown.join('、')}`,
        unknown.map((id) => ({ path: id, message: '不是该格式的填报项' })),
      );
    }
    for (const [id, value] of Object.entries(figures)) {
      if (value !== null && (!Number.isFinite(value) || value < 0)) {
        throw badRequest(`${id}：应为不小于 0 的数`, [{ path: id, message: '应为不小于 0 的数' }]);
      }
    }
    return this.db.transaction().execute(async (trx) => {
      const current = await findFigures(trx, organId, year, true);
      if ((current?.version ?? 0) !== version) throw conflict('该年度数据已被他人修改，请刷新后重试');
      // The first save is version 1 (version was 0).
      await saveFigures(trx, { organId, year, version: version + 1, first: !current }, figures);
      await appendAudit(trx, {
        actorId: actor.id,
        organId,
        entity: 'figures',
        entityId: `${organId}/${year}`,
        action: current ? 'update' : 'create',
        before: current?.figures,
        after: figures,
      });
      return { year, figures, version: version + 1 };
    });
  }

  /** A page of the organ's cases, latest filed first. */
  async reviews(actor: Actor, organId: number, query: Omit<ReviewQuery, 'organId'>): Promise<Page<ReviewView>> {
    assertRead(actor, await getOrgan(this.db, organId), '机关的登记');
    return listReviews(this.db, { ...query, organId });
  }

  /** Registers a case; answers it as the list shows it (with the linked application's serial number). */
  async addReview(actor: Actor, organId: number, input: ReviewInput): Promise<ReviewView> {
    assertWrite(actor, await getOrgan(this.db, organId), '机关的登记', REGISTER_KEEPERS);
    checkReview(input);
    return this.db.transaction().execute(async (trx) => {
      if (input.applicationId) await this.linkedApplication(trx, organId, input.applicationId);
      const row = await insertReview(trx, organId, reviewColumns(input, input.applicationId ?? null));
      await appendAudit(trx, {
        actorId: actor.id,
        organId,
        entity: 'review',
        entityId: row.id,
        action: 'create',
        after: row,
      });
      return findReview(trx, row.id);
    });
  }

  async updateReview(actor: Actor, id: number, input: ReviewInput): Promise<ReviewView> {
    checkReview(input);
    return this.db.transaction().execute(async (trx) => {
      const before = await lockReview(trx, id);
      if (!before) throw notFound('复议诉讼案件');
      assertWrite(actor, await getOrgan(trx, before.organ_id), '复议诉讼案件', REGISTER_KEEPERS);
      if (input.applicationId) await this.linkedApplication(trx, before.organ_id, input.applicationId);
      const row = await updateReview(trx, id, reviewColumns(input, input.applicationId ?? null));
      await appendAudit(trx, {
        actorId: actor.id,
        organId: before.organ_id,
        entity: 'review',
        entityId: id,
        action: 'update',
        before,
        after: row,
      });
      return findReview(trx, id);
    });
  }

  async importReviews(actor: Actor, organId: number, bytes: Uint8Array, dryRun: boolean) {
    assertWrite(actor, await getOrgan(this.db, organId), '机关的登记', REGISTER_KEEPERS);
    const parsed = parseReviewsCsv(decodeCsv(bytes));
    const serials = [...new Set(parsed.rows.map((r) => r.value.applicationSerialNo).filter((s): s is string => !!s))];
    const idBySerial = await applicationIdsBySerial(this.db, organId, serials);
    const errors = [...parsed.errors];
    for (const { line, value } of parsed.rows) {
      if (value.applicationSerialNo && !idBySerial.has(value.applicationSerialNo)) {
        errors.push({
          line,
          field: '关联申请编号',
          message: `第${line}行“关联申请编号”：本机关没有编号为 ${value.applicationSerialNo} 的申请`,
        });
      }
    }
    const result = { rows: parsed.rows, errors };
    if (dryRun || errors.length > 0 || parsed.rows.length === 0) return { ...result, saved: 0 };
    await this.db.transaction().execute(async (trx) => {
      const rows = parsed.rows.map(({ value }) => ({
        organ_id: organId,
        ...reviewColumns(value, value.applicationSerialNo ? (idBySerial.get(value.applicationSerialNo) ?? null) : null),
      }));
      await insertReviews(trx, rows);
      await appendAudit(trx, {
        actorId: actor.id,
        organId,
        entity: 'review',
        entityId: 'import',
        action: 'import',
        after: { rows: parsed.rows.length },
      });
    });
    return { ...result, saved: parsed.rows.length };
  }

  private async linkedApplication(trx: Kysely<Database>, organId: number, applicationId: number) {
    if ((await organOfApplication(trx, applicationId)) !== organId)
      throw badRequest('关联的申请不存在或不属于本机关', [{ path: 'applicationId', message: '不属于本机关' }]);
  }
}

function checkDocument(input: DocumentRecord): void {
  if (input.repealedOn && input.repealedOn < input.issuedOn) {
    throw badRequest(`废止日期 ${input.repealedOn} 早于制发日期 ${input.issuedOn}`, [
      { path: 'repealedOn', message: '早于制发日期' },
    ]);
  }
}

function checkReview(input: ReviewRecord): void {
  if (input.concludedOn && input.concludedOn < input.filedOn) {
    throw badRequest(`审结日期 ${input.concludedOn} 早于收案日期 ${input.filedOn}`, [
      { path: 'concludedOn', message: '早于收案日期' },
    ]);
  }
  if (Boolean(input.concludedOn) !== Boolean(input.result)) {
    throw badRequest('已审结的案件须填写结果，未审结的案件不填结果', [{ path: 'result', message: '与审结日期不一致' }]);
  }
}
