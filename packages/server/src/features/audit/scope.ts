import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { forbidden } from '../../errors.js';
import type { Actor } from '../access.js';
import { organsUnder } from '../organs/repository.js';

/**
 * The organs whose audit log the actor reads: an organ's people their own organ, a 政务公开办
 * the organs under it, a system administrator all (undefined). Others may not read it.
 */
export async function auditOrganIds(db: Kysely<Database>, actor: Actor): Promise<number[] | undefined> {
  if (actor.role === 'organAdmin' || actor.role === 'reviewer' || actor.role === 'officer') return [actor.organId];
  if (actor.role === 'supervisor') return (await organsUnder(db, actor.organPath)).map((o) => o.id);
  if (actor.role === 'sysAdmin') return undefined;
  throw forbidden('无权查看审计日志');
}
