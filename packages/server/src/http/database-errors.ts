import { TooManyParametersError } from '../db/batches.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * What the database refuses, as the answer a person can act on. Validation catches these
 * first where it can; this is the net under it, so that a value the schemas let through is a
 * 4xx and never a 500. PostgreSQL's SQLSTATE codes, the same from both drivers.
 */
const BY_CODE: Readonly<Record<string, readonly [number, string, string]>> = {
  '22P02': [400, 'invalid-value', '数据格式无效'],
  '22003': [400, 'out-of-range', '数值超出范围'],
  '22007': [400, 'invalid-date', '日期无效'],
  '22008': [400, 'invalid-date', '日期无效'],
  '22001': [400, 'too-long', '文字过长'],
  '22021': [400, 'invalid-text', '文字中含有无法保存的字符'],
  '22P05': [400, 'invalid-text', '文字中含有无法保存的字符'],
  '23505': [409, 'conflict', '同样的数据已由他人同时保存，请刷新后重试'],
  '23503': [409, 'conflict', '关联的数据不存在或仍被使用'],
  '40001': [409, 'conflict', '与他人同时修改发生冲突，请刷新后重试'],
  '40P01': [409, 'conflict', '与他人同时修改发生冲突，请刷新后重试'],
  '54000': [413, 'too-large', '一次提交的数据过多，请分批提交'],
  '54001': [413, 'too-large', '一次提交的数据过多，请分批提交'],
  '57014': [503, 'unavailable', '数据库繁忙，请稍后重试'],
};

export interface DatabaseProblem {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly message: string;
}

const answer = (status: number, code: string, message: string): DatabaseProblem => ({
  status: status as ContentfulStatusCode,
  code,
  message,
});

export function databaseProblem(error: unknown): DatabaseProblem | undefined {
  if (error instanceof TooManyParametersError) return answer(413, 'too-large', '一次提交的数据过多，请分批提交');
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const known = BY_CODE[code];
  if (known) return answer(known[0], known[1], known[2]);
  // Class 08: the connection to the database failed.
  if (code.startsWith('08') || code === '57P01' || code === 'ECONNREFUSED')
    return answer(503, 'unavailable', '数据库暂时无法连接，请稍后重试');
  return undefined;
}
