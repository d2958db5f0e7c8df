import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error type the HTTP layer turns into a response. `code` is stable for programs,
 * `message` is Chinese for people, `details` carries field-level issues.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: readonly { path: string; message: string }[],
    /** Headers the response carries too (e.g. Retry-After). */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: readonly { path: string; message: string }[]) =>
  new HttpError(400, 'bad-request', message, details);
export const unauthorized = (message = '请先登录') => new HttpError(401, 'unauthorized', message);
export const forbidden = (message = '无权进行此操作') => new HttpError(403, 'forbidden', message);
export const notFound = (what: string) => new HttpError(404, 'not-found', `${what}不存在或无权查看`);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);
export const unprocessable = (code: string, message: string) => new HttpError(422, code, message);
export const tooLarge = (message: string) => new HttpError(413, 'too-large', message);
export const unavailable = (message: string) => new HttpError(503, 'unavailable', message);

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: readonly unknown[] };
}
