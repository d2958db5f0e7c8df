/**
 * The server's error log. It never holds an applicant's personal data: errors are written as
 * their name, code, message and stack only — never their own fields, where database drivers keep
 * the failing query's parameters and rows (PGlite's `params`, PostgreSQL's `detail`) — and the
 * message itself goes through `redact`, since PostgreSQL quotes values in some messages.
 */
const PERSONAL: readonly (readonly [RegExp, string])[] = [
  [/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, '〔身份证号已隐去〕'],
  [/(?<!\d)\+?(?:86)?1[3-9]\d{9}(?!\d)/g, '〔手机号已隐去〕'],
  [/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, '〔电话已隐去〕'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '〔邮箱已隐去〕'],
  // Values PostgreSQL quotes back: “invalid input syntax for type integer: "…"”, “Key (x)=(…)”.
  [/(:\s*)"[^"]*"/g, '$1"…"'],
  [/=\([^)]*\)/g, '=(…)'],
  [/Failing row contains \(.*\)/gs, 'Failing row contains (…)'],
];

const MAX_MESSAGE = 500;

export function redact(text: string): string {
  let out = text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
  for (const [pattern, replacement] of PERSONAL) out = out.replace(pattern, replacement);
  return out;
}

/** One error as the log keeps it; `context` says where (a method and path, never a query string). */
export function formatError(error: unknown, context: string): string {
  if (!(error instanceof Error)) return `xxgk：${context}：${redact(String(error))}`;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map(redact);
  const head = `xxgk：${context}：${error.name}${typeof code === 'string' ? `（${code}）` : ''}：${redact(error.message)}`;
  const cause = error.cause === undefined ? [] : [`  cause: ${formatError(error.cause, 'cause')}`];
  return [head, ...frames, ...cause].join('\n');
}

export function logError(error: unknown, context: string): void {
  console.error(formatError(error, context));
}
