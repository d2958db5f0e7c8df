import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ROLE_LABELS, type Role } from '@xxgk/core';
import type { Database } from '../db/schema.js';
import { DEMO_ORGANS, DEMO_PASSWORD, DEMO_USERS } from '../demo/organs.js';
import { activeAccounts, hasAnyUser, type Account } from '../features/organs/repository.js';
import type { Services } from '../services.js';

/** The organ the first administrator belongs to when a server starts with no account and no demo. */
const DEFAULT_ORGAN = '本级人民政府';

/**
 * What a person needs to sign in, said at every start (not only the one that loaded the demo):
 * the demo accounts that still exist; or, on a database with no account at all, a system
 * administrator made now with a random password shown this once; or that existing accounts apply.
 */
export async function signInLines(db: Kysely<Database>, services: Services, env: NodeJS.ProcessEnv): Promise<string[]> {
  const demo = (
    await activeAccounts(
      db,
      DEMO_USERS.map((user) => user.username),
    )
  ).filter(isDemoAccount);
  if (demo.length > 0) {
    return [
      `xxgk：演示账号（密码均为 ${DEMO_PASSWORD}，仅供演示；已改密码的以新密码为准）：`,
      ...demo.map(
        (account) =>
          `  ${account.username.padEnd(10)} ${ROLE_LABELS[account.role as Role].padEnd(6, '　')} ${account.organ}`,
      ),
    ];
  }
  if (await hasAnyUser(db)) return ['xxgk：请用本单位已有的账号登录（账号由系统管理员或机关管理员创建）'];
  const organName = env.XXGK_ORGAN_NAME?.trim() || DEFAULT_ORGAN;
  const password = firstPassword();
  const organ = await services.organs.create(null, {
    parentId: null,
    name: organName,
    kind: 'government',
    code: 'ROOT',
  });
  await services.organs.createUser(null, {
    organId: organ.id,
    username: 'admin',
    displayName: '系统管理员',
    role: 'sysAdmin',
    password,
  });
  return [
    `xxgk：尚无任何账号，已创建系统管理员 admin（${organName}），初始密码 ${password}`,
    '      此密码只显示这一次，请妥善保存；机关名称可用环境变量 XXGK_ORGAN_NAME 在首次启动时指定。',
  ];
}

/** 16 random characters of four kinds, so it passes the password rule whatever the draw. */
function firstPassword(): string {
  return `Xk-${randomBytes(12).toString('base64url')}9`;
}

/** A demo account is a demo user name in the demo organ it was made in (a real `admin` is not). */
function isDemoAccount(account: Account): boolean {
  const user = DEMO_USERS.find((u) => u.username === account.username);
  return DEMO_ORGANS.find((organ) => organ.key === user?.organ)?.code === account.organCode;
}
