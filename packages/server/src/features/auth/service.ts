import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Role } from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import { badRequest, DomainError, unauthorized } from '../../errors.js';
import type { Actor } from '../access.js';
import { createSession, deleteSession, findLogin, findSession } from './repository.js';
import { appendAudit } from '../audit/repository.js';
import { dummyHash, MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { LoginThrottle } from './throttle.js';

export const SESSION_COOKIE = 'xxgk_session';
export const SESSION_HOURS = 12;

export interface SessionInfo {
  readonly token: string;
  readonly csrfToken: string;
  readonly actor: Actor;
  readonly expiresAt: Date;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface KnownSession {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly expiresAt: number;
}

/**
 * How long a session read from the database is taken on trust. Every request reads its session;
 * a few seconds of memory spare the database most of those reads. A logout in this process forgets
 * the session at once; one in another process (several servers on one PostgreSQL) is seen here
 * within this time. Users and organs are never changed once made, so nothing else goes stale.
 */
const SESSION_MEMORY_MS = 5_000;

/** The username kept in the audit of a failed login: as typed, cut short. */
const AUDITED_USERNAME_CHARS = 64;

export interface AuthOptions {
  /** Checks a password against a stored hash (tests count the calls). */
  readonly verify?: (password: string, stored: string) => Promise<boolean>;
}

/** A login refused unchecked while its account or address waits after failures. */
export function tooManyAttempts(waitMs: number): DomainError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const when = seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return new DomainError('too-many', 'too-many-attempts', `登录失败次数过多，请于 ${when}后再试`, undefined, seconds);
}

/** Password login, cookie sessions kept in the database, and the CSRF token that goes with each. */
export class AuthService {
  private readonly known: LRUCache<string, KnownSession>;
  private readonly throttle: LoginThrottle;
  private readonly verify: NonNullable<AuthOptions['verify']>;

  /** `now`: the clock of session expiry, of the memory and of the login throttle (tests move it). */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
    options: AuthOptions = {},
  ) {
    // ttlResolution 0: read the clock at each look-up rather than keep it for a millisecond behind a timer.
    this.known = new LRUCache({ max: 10_000, ttl: SESSION_MEMORY_MS, ttlResolution: 0, perf: { now } });
    this.throttle = new LoginThrottle(now);
    this.verify = options.verify ?? verifyPassword;
  }

  /** `client`: the address the request came from (see http/client.ts), which failures are counted by. */
  async login(username: string, password: string, client = 'local'): Promise<SessionInfo> {
    // Hashing costs in proportion to the password's length: a bound keeps one request from stalling the server.
    if (password.length > MAX_PASSWORD_LENGTH) throw badRequest(`密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符`);
    const wait = this.throttle.waitMs(username, client);
    if (wait > 0) throw tooManyAttempts(wait);
    const user = await findLogin(this.db, username);
    // The same answer, after the same work, for an unknown name, a closed account and a wrong
    // password: an unknown name is checked against a hash of no one's password.
    const matches = await this.verify(password, user?.password_hash ?? (await dummyHash()));
    if (!user || !user.active || !matches) {
      this.throttle.failed(username, client);
      await appendAudit(this.db, {
        actorId: user?.id ?? null,
        organId: user?.organ_id ?? null,
        entity: 'session',
        entityId: user?.id ?? '',
        action: 'login-failed',
        // Never the password; the name as typed (it may be mistyped, or a password typed in the wrong field: cut short).
        after: { username: username.slice(0, AUDITED_USERNAME_CHARS), client },
      });
      throw unauthorized('用户名或密码错误');
    }
    this.throttle.succeeded(username);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(this.now() + SESSION_HOURS * 3600_000);
    await this.db.transaction().execute(async (trx) => {
      await createSession(trx, { tokenHash: sha256(token), userId: user.id, csrfToken, expiresAt });
      await appendAudit(trx, {
        actorId: user.id,
        organId: user.organ_id,
        entity: 'session',
        entityId: user.id,
        action: 'login',
      });
    });
    return {
      token,
      csrfToken,
      expiresAt,
      actor: {
        id: user.id,
        organId: user.organ_id,
        organPath: user.path,
        role: user.role as Role,
        name: user.display_name,
      },
    };
  }

  /** The session behind a cookie token, or undefined when it is unknown or expired. */
  async session(token: string): Promise<{ actor: Actor; csrfToken: string } | undefined> {
    const key = sha256(token);
    const known = this.known.get(key);
    if (known && known.expiresAt > this.now()) return known;
    const row = await findSession(this.db, key);
    if (!row || !row.active || row.expires_at.getTime() < this.now()) return undefined;
    const session: KnownSession = {
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at.getTime(),
      actor: { id: row.id, organId: row.organ_id, organPath: row.path, role: row.role as Role, name: row.display_name },
    };
    this.known.set(key, session);
    return session;
  }

  async logout(token: string, actor: Actor): Promise<void> {
    this.known.delete(sha256(token));
    await this.db.transaction().execute(async (trx) => {
      await deleteSession(trx, sha256(token));
      await appendAudit(trx, {
        actorId: actor.id,
        organId: actor.organId,
        entity: 'session',
        entityId: actor.id,
        action: 'logout',
      });
    });
  }
}
