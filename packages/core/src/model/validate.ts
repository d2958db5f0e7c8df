import { z } from 'zod';
import { ReportSchema, type Report } from './schema.js';

export interface SchemaIssue {
  /** Where in the document, as a JSON path such as `cells["s3.new.total"]` or `meta.year`. */
  readonly path: string;
  readonly message: string;
}

export type ValidationResult = { ok: true; report: Report } | { ok: false; issues: SchemaIssue[] };

const zhCN = z.locales.zhCN().localeError;

/** Renders a zod path the way a person finds it in the JSON file. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '（根）';
}

/** Checks that `input` is a report of the model; the messages are in Chinese. */
export function validateReport(input: unknown): ValidationResult {
  const result = ReportSchema.safeParse(input, { error: zhCN });
  if (result.success) return { ok: true, report: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  };
}
