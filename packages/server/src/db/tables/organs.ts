import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.js';

export interface OrgansTable {
  id: Generated<number>;
  parent_id: number | null;
  path: string;
  name: string;
  kind: string;
  region: string | null;
  code: string;
  address: string | null;
  phone: string | null;
  review_body: string | null;
  court: string | null;
  /** The drafter of an answer (or asker of an extension) may approve it: an organ with one officer. */
  allow_self_approval: Generated<boolean>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<number>;
  organ_id: number;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  active: Generated<boolean>;
  /** Where reminder mails go (migration 0010); null = no mail. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

/** 机关、用户与会话: who works on the platform, for which organ. */
export interface OrganTables {
  organs: OrgansTable;
  users: UsersTable;
  sessions: SessionsTable;
}
