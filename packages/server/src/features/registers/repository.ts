import { sql, type Kysely, type Transaction } from 'kysely';
import type { DocumentRecord, ReviewRecord } from '@xxgk/core';
import { containsPattern } from '../../db/like.js';
import type { Database } from '../../db/schema.js';

export type Db = Kysely<Database> | Transaction<Database>;

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
