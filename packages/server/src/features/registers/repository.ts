import { sql } from 'kysely';
import type { DocumentRecord, ReviewRecord } from '@xxgk/core';
import { containsPattern } from '../../db/like.js';
import type { Insertable, Updateable } from 'kysely';
import { batchesOf } from '../../db/batches.js';
import { json, type Db, type DocumentsTable, type ReviewCasesTable } from '../../db/schema.js';

export type DocumentKind = DocumentRecord['kind'];
export type ReviewKind = ReviewRecord['kind'];
export type ReviewResult = NonNullable<ReviewRecord['result']>;
/** `inForce`: no repeal registered; `repealed`: a repeal date is registered (as the table's tag shows it). */
export type DocumentStatus = 'inForce' | 'repealed';

/** A row of the register of documents, as the API answers it. */
export interface DocumentView {
  readonly id: number;
  readonly organId: number;
  readonly kind: DocumentKind;
  readonly number: string | null;
  readonly title: string;
  readonly issuedOn: string;
  readonly repealedOn: string | null;
}

/** A reconsideration or litigation case, with the serial number of the application it is about. */
export interface ReviewView {
  readonly id: number;
  readonly kind: ReviewKind;
  readonly caseNo: string;
  readonly applicationId: number | null;
  readonly applicationSerialNo: string | null;
  readonly filedOn: string;
  readonly concludedOn: string | null;
  readonly result: ReviewResult | null;
  readonly note: string | null;
}

export interface Page<T> {
  readonly total: number;
  readonly items: T[];
}

interface Paging {
  readonly limit: number;
  readonly offset: number;
}

export interface DocumentQuery extends Paging {
  readonly organId: number;
  /** The year's register: issued by its end and not repealed before its start. */
  readonly year?: number;
  /** A substring of the title or 文号. */
  readonly search?: string;
  readonly status?: DocumentStatus;
}

export interface ReviewQuery extends Paging {
  readonly organId: number;
  readonly kind?: ReviewKind;
  /** A substring of the 案号. */
  readonly search?: string;
}

export const DOCUMENT_COLUMNS = [
  'id',
  'organ_id as organId',
  'kind',
  'number',
  'title',
  'issued_on as issuedOn',
  'repealed_on as repealedOn',
] as const;

/** The kind the service writes (checked by the route's schema), which the text column cannot say. */
export type DocumentValues = { kind: DocumentKind };

export async function listDocuments(db: Db, query: DocumentQuery): Promise<Page<DocumentView>> {
  let q = db.selectFrom('documents').where('organ_id', '=', query.organId);
  if (query.year) {
    // A year's register: what was issued in it, repealed in it, or in force through it.
    q = q
      .where('issued_on', '<=', `${query.year}-12-31`)
      .where((eb) => eb.or([eb('repealed_on', 'is', null), eb('repealed_on', '>=', `${query.year}-01-01`)]));
  }
  if (query.status) q = q.where('repealed_on', query.status === 'inForce' ? 'is' : 'is not', null);
  if (query.search) {
    const pattern = containsPattern(query.search);
    q = q.where((eb) => eb.or([eb('title', 'ilike', pattern), eb('number', 'ilike', pattern)]));
  }
  const [items, total] = await Promise.all([
    q
      .select(DOCUMENT_COLUMNS)
      .$narrowType<DocumentValues>()
      // Newest first, so that what was just registered or imported is on the first page.
      .orderBy('issued_on', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Cases with the serial number of the application each is about, when one is linked. */
function reviewCases(db: Db) {
  return db.selectFrom('review_cases').leftJoin('applications', 'applications.id', 'review_cases.application_id');
}

const REVIEW_COLUMNS = [
  'review_cases.id',
  'review_cases.kind',
  'review_cases.case_no as caseNo',
  'review_cases.application_id as applicationId',
  'applications.serial_no as applicationSerialNo',
  'review_cases.filed_on as filedOn',
  'review_cases.concluded_on as concludedOn',
  'review_cases.result',
  'review_cases.note',
] as const;

/** The kind and result the service writes (checked by the route's schema), which text columns cannot say. */
type ReviewValues = { kind: ReviewKind; result: ReviewResult | null };

export async function listReviews(db: Db, query: ReviewQuery): Promise<Page<ReviewView>> {
  let q = reviewCases(db).where('review_cases.organ_id', '=', query.organId);
  if (query.kind) q = q.where('review_cases.kind', '=', query.kind);
  if (query.search) q = q.where('review_cases.case_no', 'ilike', containsPattern(query.search));
  const [items, total] = await Promise.all([
    q
      .select(REVIEW_COLUMNS)
      .$narrowType<ReviewValues>()
      .orderBy('review_cases.filed_on', 'desc')
      .orderBy('review_cases.id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findReview(db: Db, id: number): Promise<ReviewView> {
  return reviewCases(db)
    .select(REVIEW_COLUMNS)
    .$narrowType<ReviewValues>()
    .where('review_cases.id', '=', id)
    .executeTakeFirstOrThrow();
}

/** The organ's documents issued by the end of `year` (repealed ones too: the report counts them). */
export async function documentsForYear(db: Db, organId: number, year: number) {
  return db
    .selectFrom('documents')
    .select(['kind', 'number', 'title', 'issued_on', 'repealed_on'])
    .where('organ_id', '=', organId)
    .where('issued_on', '<=', `${year}-12-31`)
    .execute();
}

/** The figures entered by hand for the organ's year (fees, other counts); none entered is {}. */
export async function yearFiguresOf(db: Db, organId: number, year: number): Promise<Record<string, number | null>> {
  const row = await db
    .selectFrom('year_figures')
    .select('figures')
    .where('organ_id', '=', organId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.figures ?? {};
}

/** The organ's reviews and lawsuits filed by the end of `year`. */
export async function reviewsForYear(db: Db, organId: number, year: number) {
  return db
    .selectFrom('review_cases')
    .select(['kind', 'case_no', 'filed_on', 'concluded_on', 'result'])
    .where('organ_id', '=', organId)
    .where('filed_on', '<=', `${year}-12-31`)
    .execute();
}

type DocumentColumns = Omit<Insertable<DocumentsTable>, 'organ_id'>;
type ReviewColumns = Omit<Insertable<ReviewCasesTable>, 'organ_id'>;

export async function insertDocument(db: Db, organId: number, columns: DocumentColumns): Promise<DocumentView> {
  return db
    .insertInto('documents')
    .values({ organ_id: organId, ...columns })
    .returning(DOCUMENT_COLUMNS)
    .$narrowType<DocumentValues>()
    .executeTakeFirstOrThrow();
}

/** A document's row, locked for the change that follows. */
export async function lockDocument(db: Db, id: number) {
  return db.selectFrom('documents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateDocument(db: Db, id: number, columns: Updateable<DocumentsTable>): Promise<DocumentView> {
  return db
    .updateTable('documents')
    .set(columns)
    .where('id', '=', id)
    .returning(DOCUMENT_COLUMNS)
    .$narrowType<DocumentValues>()
    .executeTakeFirstOrThrow();
}

/** Many documents at once, in as many statements as the parameter limit needs. */
export async function insertDocuments(db: Db, rows: readonly Insertable<DocumentsTable>[]): Promise<void> {
  for (const batch of batchesOf(rows, Object.keys(rows[0] ?? {}).length))
    await db.insertInto('documents').values(batch).execute();
}

/** The figures entered for an organ's year and their version; `lock` for the change that follows. */
export async function findFigures(db: Db, organId: number, year: number, lock = false) {
  const query = db
    .selectFrom('year_figures')
    .select(['figures', 'version'])
    .where('organ_id', '=', organId)
    .where('year', '=', year);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/** Stores a year's figures as `version`: the first save inserts, later ones replace. */
export async function saveFigures(
  db: Db,
  at: { organId: number; year: number; version: number; first: boolean },
  figures: Record<string, number | null>,
): Promise<void> {
  const { organId, year, version } = at;
  if (at.first) {
    await db
      .insertInto('year_figures')
      .values({ organ_id: organId, year, figures: json(figures), version })
      .execute();
    return;
  }
  await db
    .updateTable('year_figures')
    .set({ figures: json(figures), version, updated_at: new Date() })
    .where('organ_id', '=', organId)
    .where('year', '=', year)
    .execute();
}

export async function insertReview(db: Db, organId: number, columns: ReviewColumns) {
  return db
    .insertInto('review_cases')
    .values({ organ_id: organId, ...columns })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A case's row, locked for the change that follows. */
export async function lockReview(db: Db, id: number) {
  return db.selectFrom('review_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateReview(db: Db, id: number, columns: Updateable<ReviewCasesTable>) {
  return db.updateTable('review_cases').set(columns).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Many cases at once, in as many statements as the parameter limit needs. */
export async function insertReviews(db: Db, rows: readonly Insertable<ReviewCasesTable>[]): Promise<void> {
  for (const batch of batchesOf(rows, Object.keys(rows[0] ?? {}).length))
    await db.insertInto('review_cases').values(batch).execute();
}
