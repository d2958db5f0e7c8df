import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The account a login names, with its organ's path; undefined for an unknown name. */
export async function findLogin(db: Kysely<Database>, username: string) {
  return db
    .selectFrom('users')
    .innerJoin('organs', 'organs.id', 'users.organ_id')
    .select(['users.id', 'users.organ_id', 'users.role', 'users.display_name', 'users.password_hash', 'users.active'])
    .select('organs.path')
    .where('users.username', '=', username)
    .executeTakeFirst();
}

export async function createSession(
  db: Kysely<Database>,
  session: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The person behind a session's token hash, as the session and their account stand now. */
export async function findSession(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organs', 'organs.id', 'users.organ_id')
    .select(['users.id', 'users.organ_id', 'users.role', 'users.display_name', 'users.active', 'organs.path'])
    .select(['sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function usernameTaken(db: Kysely<Database>, username: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

export async function insertUser(
  db: Kysely<Database>,
  user: { organId: number; username: string; displayName: string; role: string; passwordHash: string },
) {
  return db
    .insertInto('users')
    .values({
      organ_id: user.organId,
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      password_hash: user.passwordHash,
    })
    .returning(['id', 'organ_id', 'username', 'display_name', 'role'])
    .executeTakeFirstOrThrow();
}

/** An organ's accounts, oldest first. */
export async function organUsers(db: Kysely<Database>, organId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'active'])
    .where('organ_id', '=', organId)
    .orderBy('id')
    .execute();
}
