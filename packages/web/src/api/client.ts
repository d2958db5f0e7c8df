import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';

/** An error from the API, with the server's Chinese message for people and its code for programs. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;

/** Set after login (and on reload from /api/auth/me): changing requests must carry it. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !SAFE.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/** The typed client: paths, parameters and bodies are checked against the server's OpenAPI description. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { path: string; message: string }[] };
}

/** Unwraps an openapi-fetch result: the data, or an ApiError with the server's message. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as ErrorBody;
  throw new ApiError(
    result.response.status,
    body.error?.code ?? 'http',
    body.error?.message ?? `请求失败（HTTP ${result.response.status}）`,
    body.error?.details ?? [],
  );
}

/** Downloads a file from an API path (letters, published reports, attachments). */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as ErrorBody;
    throw new ApiError(response.status, body.error?.code ?? 'http', body.error?.message ?? '下载失败');
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = match?.[1] ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoking at once can cancel the download before the browser has read the blob (Chromium does
  // so on a busy machine): the URL is let go a minute later instead.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Sends raw bytes (CSV, report files) to an API path with the CSRF token. */
export async function upload<T>(path: string, body: Blob, contentType: string): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': contentType, ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) },
    body,
  });
  const parsed = (await response.json().catch(() => ({}))) as ErrorBody;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      parsed.error?.code ?? 'http',
      parsed.error?.message ?? '上传失败',
      parsed.error?.details ?? [],
    );
  }
  return parsed as T;
}
