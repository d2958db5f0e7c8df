import { PoolBusyError } from '@xxgk/node';
import { CalendarError, CaseRuleError, ParseError } from '@xxgk/core';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type ErrorDetail, type ErrorKind } from '../errors.js';
import { databaseProblem } from './database-errors.js';

/**
 * An error the HTTP layer itself raises with its status in hand (a missing CSRF token, a busy
 * reader). `code` is stable for programs, `message` is Chinese for people, `details` carries
 * field-level issues.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: readonly ErrorDetail[],
    /** Headers the response carries too (e.g. Retry-After). */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: readonly unknown[] };
}

/** The status each kind of domain refusal answers with. */
const STATUS: Readonly<Record<ErrorKind, ContentfulStatusCode>> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unprocessable: 422,
  'too-many': 429,
  unavailable: 503,
};

export interface ErrorAnswer {
  readonly status: ContentfulStatusCode;
  readonly body: ErrorBody & Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

function answer(
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details?: readonly ErrorDetail[],
): ErrorAnswer {
  return { status, body: { error: { code, message, ...(details ? { details } : {}) } } };
}

/**
 * Every known failure as the answer it gets: the domain's refusals, the core's rules and readers
 * (by class and `code`), what the database refuses, and the HTTP layer's own errors. Undefined
 * for anything else, which is a fault of the server (500).
 */
export function errorAnswer(error: unknown): ErrorAnswer | undefined {
  if (error instanceof DomainError) {
    const base = answer(STATUS[error.kind], error.code, error.message, error.details);
    const headers =
      error.retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(error.retryAfterSeconds) };
    return { ...base, body: { ...base.body, ...error.extra() }, ...(headers ? { headers } : {}) };
  }
  if (error instanceof HttpError) {
    return {
      ...answer(error.status, error.code, error.message, error.details),
      ...(error.headers ? { headers: error.headers } : {}),
    };
  }
  // Every thread that reads uploads is busy and the queue is full: try again later.
  if (error instanceof PoolBusyError) return answer(503, error.code, error.message);
  // A file the readers could not read at all; its message names the file.
  if (error instanceof ParseError) return answer(422, 'unreadable-report', error.message);
  // A case rule refused the move, or the calendar cannot count the days it needs.
  if (error instanceof CaseRuleError || error instanceof CalendarError) return answer(422, error.code, error.message);
  if (error instanceof HTTPException) {
    // Raised by Hono itself (a body it cannot parse, an unsupported content type).
    const message = error.status === 415 ? '不支持的请求内容类型' : `请求有误：${error.message}`;
    return answer(error.status, 'http', message);
  }
  const known = databaseProblem(error);
  return known && answer(known.status, known.code, known.message);
}
