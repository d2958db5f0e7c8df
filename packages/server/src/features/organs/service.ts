import type { Kysely } from 'kysely';
import { ROLES, type Role } from '@xxgk/core';
import type { Database, Organ } from '../../db/schema.js';
import { badRequest, conflict, forbidden } from '../../errors.js';
import { canRead, type Actor } from '../access.js';
import { appendAudit } from '../audit/repository.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { insertUser, organUsers, usernameTaken } from '../auth/repository.js';
import {
  organCodeTaken,
  allOrgans,
  forgetOrgan,
  getOrgan,
  insertOrgan,
  organsUnder,
  setOrganSettings,
  type NewOrgan,
  type OrganSettings,
} from './repository.js';

export function organView(organ: Organ) {
  return {
    id: organ.id,
    parentId: organ.parent_id,
    name: organ.name,
    kind: organ.kind,
    code: organ.code,
    region: organ.region,
    address: organ.address,
    phone: organ.phone,
    reviewBody: organ.review_body,
    court: organ.court,
    allowSelfApproval: organ.allow_self_approval,
  };
}

export interface NewUser {
  readonly organId: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly password: string;
}

/** The tree of organs and the accounts of the people in them. */
export class OrganService {
  constructor(private readonly db: Kysely<Database>) {}

  /** The organs a person may see: their own, or all under their government for the 政务公开办. */
  async visible(actor: Actor) {
    const organs = actor.role === 'sysAdmin' ? await allOrgans(this.db) : await organsUnder(this.db, actor.organPath);
    return organs.filter((organ) => actor.role === 'sysAdmin' || canRead(actor, organ)).map(organView);
  }

  async create(actor: Actor | null, input: NewOrgan) {
    if (actor && actor.role !== 'sysAdmin') throw forbidden('只有系统管理员可以新增机关');
    return this.db.transaction().execute(async (trx) => {
      if (await organCodeTaken(trx, input.code)) throw conflict(`机关代码“${input.code}”已被使用`);
      const organ = await insertOrgan(trx, input);
      await appendAudit(trx, {
        actorId: actor?.id ?? null,
        organId: organ.id,
        entity: 'organ',
        entityId: organ.id,
        action: 'create',
        after: organView(organ),
      });
      return organView(organ);
    });
  }

  /** An organ's settings: by the system administrator, or by the organ's own administrator. */
  async updateSettings(actor: Actor, organId: number, settings: OrganSettings) {
    const allowed = actor.role === 'sysAdmin' || (actor.role === 'organAdmin' && actor.organId === organId);
    if (!allowed) throw forbidden('只有系统管理员或本机关管理员可以修改机关设置');
    const organ = await this.db.transaction().execute(async (trx) => {
      const before = await getOrgan(trx, organId);
      const after = await setOrganSettings(trx, organId, settings);
      await appendAudit(trx, {
        actorId: actor.id,
        organId,
        entity: 'organ',
        entityId: organId,
        action: 'settings',
        before: { allowSelfApproval: before.allow_self_approval },
        after: { allowSelfApproval: after.allow_self_approval },
      });
      return after;
    });
    forgetOrgan(this.db, organId);
    return organView(organ);
  }

  /** Accounts are made by the system administrator, or by an organ's administrator for that organ. */
  async createUser(actor: Actor | null, input: NewUser) {
    if (!ROLES.includes(input.role)) throw badRequest(`未知角色 ${input.role}`);
    if (actor && actor.role !== 'sysAdmin') {
      if (actor.role !== 'organAdmin' || actor.organId !== input.organId) throw forbidden('无权为该机关创建账号');
      if (input.role === 'sysAdmin' || input.role === 'supervisor') throw forbidden('机关管理员不能创建该角色');
    }
    const problem = passwordProblem(input.password);
    if (problem) throw badRequest(problem, [{ path: 'password', message: problem }]);
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction().execute(async (trx) => {
      await getOrgan(trx, input.organId);
      if (await usernameTaken(trx, input.username)) throw conflict(`用户名“${input.username}”已被使用`);
      const user = await insertUser(trx, {
        organId: input.organId,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
      });
      const view = {
        id: user.id,
        organId: user.organ_id,
        username: user.username,
        displayName: user.display_name,
        role: user.role,
      };
      await appendAudit(trx, {
        actorId: actor?.id ?? null,
        organId: user.organ_id,
        entity: 'user',
        entityId: user.id,
        action: 'create',
        after: view,
      });
      return view;
    });
  }

  async users(actor: Actor, organId: number) {
    const organ = await getOrgan(this.db, organId);
    const allowed = actor.role === 'sysAdmin' || (actor.role === 'organAdmin' && actor.organId === organId);
    if (!allowed) throw forbidden('无权查看该机关的账号');
    const rows = await organUsers(this.db, organ.id);
    return rows.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      role: u.role,
      active: u.active,
    }));
  }
}
