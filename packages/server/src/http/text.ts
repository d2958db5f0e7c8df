import type { MiddlewareHandler } from 'hono';
import { badRequest } from '../errors.js';

/**
 * Text PostgreSQL cannot store (NUL, in text and in JSON alike) or that no form field holds
 * (other control characters but tab and line breaks). Caught at the door, it is a 400 naming
 * the field; left alone it was a 500 from the database, after the query had been logged.
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/; // eslint-disable-line no-control-regex

/** JSON nested deeper than any request of this API is refused before it is walked. */
const MAX_DEPTH = 32;

function describe(character: string): string {
  return character === '\u0000' ? 'NUL' : `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
}

function refuse(where: string, text: string): never {
  const character = FORBIDDEN.exec(text)?.[0] ?? '\u0000';
  const message = `${where}含有不允许的控制字符（${describe(character)}）`;
  throw badRequest(message, [{ path: where, message }]);
}

/** The first string (key or value) with a forbidden character, by its path; depth checked on the way. */
function check(value: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) throw badRequest(`请求内容嵌套超过 ${MAX_DEPTH} 层`);
  if (typeof value === 'string') {
    if (FORBIDDEN.test(value)) refuse(`字段“${path || '（请求内容）'}”`, value);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => check(item, `${path}[${index}]`, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN.test(key)) refuse(`字段名“${path}”`, key);
      check(item, path ? `${path}.${key}` : key, depth + 1);
    }
  }
}

function parseJson(bytes: ArrayBuffer): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(new TextDecoder().decode(bytes)) as unknown };
  } catch {
    return undefined;
  }
}

/** Checks the address, the query and JSON or form bodies of every API request. */
export const textGuard: MiddlewareHandler = async (c, next) => {
  if (FORBIDDEN.test(c.req.path)) refuse('请求地址', c.req.path);
  for (const [key, value] of new URL(c.req.url).searchParams) {
    if (FORBIDDEN.test(key) || FORBIDDEN.test(value)) refuse(`查询参数“${key.replace(FORBIDDEN, '')}”`, key + value);
  }
  const type = c.req.header('content-type') ?? '';
  if (/^application\/json/i.test(type)) {
    // Read and parsed once: Hono keeps the bytes (for routes that take them raw) and the parsed
    // value, where the route's validator finds it. A body that is no JSON is left for the
    // validator to answer.
    const body = parseJson(await c.req.arrayBuffer());
    if (body !== undefined) {
      check(body.value, '', 0);
      c.req.bodyCache.json = Promise.resolve(body.value);
    }
  } else if (/^multipart\/form-data/i.test(type)) {
    // The same: the bytes kept, and the form where the route's parseBody finds it, only when it
    // is one (a cached failure would fail the routes that take the bytes).
    const form = await new Response(await c.req.arrayBuffer(), { headers: { 'content-type': type } })
      .formData()
      .catch(() => undefined);
    // Hono keeps promises in its cache (its own reads store `raw.formData()`), though typed as values.
    if (form) c.req.bodyCache.formData = Promise.resolve(form) as unknown as FormData;
    const fields: [string, string][] = [];
    form?.forEach((value, key) => fields.push([key, typeof value === 'string' ? value : value.name]));
    for (const [key, text] of fields) {
      if (FORBIDDEN.test(key) || FORBIDDEN.test(text)) refuse(`表单字段“${key.replace(FORBIDDEN, '')}”`, key + text);
    }
  }
  await next();
};
