import type { Kysely } from 'kysely';
import type { Database, Organ } from '../../db/schema.js';
import { notFound } from '../../errors.js';

export async function findOrgan(db: Kysely<Database>, id: number): Promise<Organ | undefined> {
  return db.selectFrom('organs').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Organs are added (insertOrgan) and never removed; of their fields only the settings change
 * (`setOrganSettings`), and those are read afresh where they decide something (in the action's
 * transaction). So each is read once per database: nearly every request checks its organ, and the
 * read was one of its round trips. Inside a transaction the read goes to the database, which sees
 * the transaction's own writes.
 */
const knownOrgans = new WeakMap<Kysely<Database>, Map<number, Organ>>();

export async function getOrgan(db: Kysely<Database>, id: number): Promise<Organ> {
  const known = db.isTransaction ? undefined : knownOrgans.get(db);
  const cached = known?.get(id);
  if (cached) return cached;
  const organ = await findOrgan(db, id);
  if (!organ) throw notFound('机关');
  if (!db.isTransaction) {
    if (known) known.set(id, organ);
    else knownOrgans.set(db, new Map([[id, organ]]));
  }
  return organ;
}

/** The organ and every organ under it. */
export async function organsUnder(db: Kysely<Database>, path: string): Promise<Organ[]> {
  return db.selectFrom('organs').selectAll().where('path', 'like', `${path}%`).orderBy('path').execute();
}

export async function allOrgans(db: Kysely<Database>): Promise<Organ[]> {
  return db.selectFrom('organs').selectAll().orderBy('path').execute();
}

export interface NewOrgan {
  readonly parentId: number | null;
  readonly name: string;
  readonly kind: string;
  readonly code: string;
  readonly region?: string | null;
  readonly address?: string | null;
  readonly phone?: string | null;
  readonly reviewBody?: string | null;
  readonly court?: string | null;
}

/** Inserts an organ and sets its path from its parent's, in the caller's transaction. */
export async function organCodeTaken(db: Kysely<Database>, code: string): Promise<boolean> {
  return (await db.selectFrom('organs').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function insertOrgan(db: Kysely<Database>, input: NewOrgan): Promise<Organ> {
  const parent = input.parentId === null ? undefined : await getOrgan(db, input.parentId);
  const inserted = await db
    .insertInto('organs')
    .values({
      parent_id: input.parentId,
      path: '/',
      name: input.name,
      kind: input.kind,
      code: input.code,
      region: input.region ?? parent?.region ?? null,
      address: input.address ?? null,
      phone: input.phone ?? null,
      review_body: input.reviewBody ?? null,
      court: input.court ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return db
    .updateTable('organs')
    .set({ path: `${parent?.path ?? '/'}${inserted.id}/` })
    .where('id', '=', inserted.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface Account {
  readonly username: string;
  readonly role: string;
  readonly organ: string;
  readonly organCode: string;
}

/** The active accounts among these user names, with their organs' names. */
export async function activeAccounts(db: Kysely<Database>, usernames: readonly string[]): Promise<Account[]> {
  if (usernames.length === 0) return [];
  return db
    .selectFrom('users')
    .innerJoin('organs', 'organs.id', 'users.organ_id')
    .select(['users.username', 'users.role', 'organs.name as organ', 'organs.code as organCode'])
    .where('users.username', 'in', usernames)
    .where('users.active', '=', true)
    .orderBy('users.id')
    .execute();
}

export async function hasAnyUser(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).execute()).length > 0;
}

export interface OrganSettings {
  /** The drafter of an answer (or asker of an extension) may approve it: an office of one. */
  readonly allowSelfApproval: boolean;
}

/** Changes an organ's settings, in the caller's transaction, and forgets the remembered organ. */
export async function setOrganSettings(db: Kysely<Database>, id: number, settings: OrganSettings): Promise<Organ> {
  const organ = await db
    .updateTable('organs')
    .set({ allow_self_approval: settings.allowSelfApproval })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!organ) throw notFound('机关');
  return organ;
}

/** Drops the remembered copy of an organ (after its settings changed). */
export function forgetOrgan(db: Kysely<Database>, id: number): void {
  knownOrgans.get(db)?.delete(id);
}

/** The organs of the given kinds, as the public may see them, in tree order. */
export async function organsOfKinds(db: Kysely<Database>, kinds: readonly string[]) {
  return db
    .selectFrom('organs')
    .select(['id', 'name', 'region'])
    .where('kind', 'in', [...kinds])
    .orderBy('path')
    .execute();
}

/** True when no organ is recorded yet. */
export async function noOrgans(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('organs').select('id').limit(1).execute()).length === 0;
}
