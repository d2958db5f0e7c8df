import type { Role } from '@xxgk/core';
import { forbidden, notFound } from '../errors.js';

/** The person making a request, as the services need them. */
export interface Actor {
  readonly id: number;
  readonly organId: number;
  /** The organ's path ('/1/4/'), so that "under my government" is a prefix test. */
  readonly organPath: string;
  readonly role: Role;
  readonly name: string;
}

export interface OrganRef {
  readonly id: number;
  readonly path: string;
}

/** The roles that work an organ's own cases, registers and report. */
const ORGAN_STAFF: readonly Role[] = ['officer', 'reviewer', 'organAdmin'];

/**
 * Who may read what: an organ's staff read their own organ; the 政务公开办 reads every organ
 * under its government; the system administrator manages accounts and the calendar, not cases.
 */
export function canRead(actor: Actor, organ: OrganRef): boolean {
  if (actor.role === 'supervisor') return organ.path.startsWith(actor.organPath);
  return ORGAN_STAFF.includes(actor.role) && organ.id === actor.organId;
}

/** Only an organ's own staff with one of `roles` change its records. */
export function canWrite(actor: Actor, organ: OrganRef, roles: readonly Role[]): boolean {
  return organ.id === actor.organId && roles.includes(actor.role);
}

/**
 * Reading a record of an organ one cannot see answers "not found", so that ids of other organs'
 * records do not leak; seeing it but not being allowed to change it answers "forbidden".
 */
export function assertRead(actor: Actor, organ: OrganRef, what: string): void {
  if (!canRead(actor, organ)) throw notFound(what);
}

export function assertWrite(actor: Actor, organ: OrganRef, what: string, roles: readonly Role[]): void {
  assertRead(actor, organ, what);
  if (!canWrite(actor, organ, roles)) throw forbidden(`当前角色无权修改该${what}`);
}
