/**
 * What the services, repositories and access rules throw when a request cannot be done: a kind
 * (what sort of refusal, which the HTTP layer alone turns into a status), a stable `code` for
 * programs and a Chinese `message` for people. Nothing here knows of HTTP.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unprocessable'
  | 'too-many'
  | 'unavailable';

export interface ErrorDetail {
  readonly path: string;
  readonly message: string;
}

export class DomainError extends Error {
  override readonly name: string = 'DomainError';
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: readonly ErrorDetail[],
    /** How long to wait before trying again, in seconds (a throttled login). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** Facts the answer carries beside `error` (e.g. the earlier import a duplicate repeats). */
  extra(): Readonly<Record<string, unknown>> | undefined {
    return undefined;
  }
}

export const badRequest = (message: string, details?: readonly ErrorDetail[]) =>
  new DomainError('invalid', 'bad-request', message, details);
export const unauthorized = (message = '请先登录') => new DomainError('unauthorized', 'unauthorized', message);
export const forbidden = (message = '无权进行此操作') => new DomainError('forbidden', 'forbidden', message);
export const notFound = (what: string) => new DomainError('not-found', 'not-found', `${what}不存在或无权查看`);
export const conflict = (message: string, code = 'conflict') => new DomainError('conflict', code, message);
export const unprocessable = (code: string, message: string) => new DomainError('unprocessable', code, message);
export const tooLarge = (message: string) => new DomainError('too-large', 'too-large', message);
export const unavailable = (message: string, code = 'unavailable') => new DomainError('unavailable', code, message);
