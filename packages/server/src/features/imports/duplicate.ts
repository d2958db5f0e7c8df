import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { chinaToday } from '../../clock.js';
import { DomainError } from '../../errors.js';

/** What to do when the file was imported before: replace that import, or keep both. */
export const DUPLICATE_CHOICES = ['replace', 'keepBoth'] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];

export const DuplicateChoiceSchema = z.enum(DUPLICATE_CHOICES).optional().openapi({
  description: '同一文件（内容相同）已导入过时的处理：replace 替换原导入，keepBoth 另存一份；不填则答复 409',
});

/** The SHA-256 of a file's bytes, hex: the same file is the same bytes, whatever its name. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An earlier import of the same file, as the 409 answer names it. */
export interface ExistingImport {
  readonly id: number;
  readonly year: number;
  readonly fileName: string;
  readonly importedAt: string;
}

export const ExistingImportSchema = z
  .object({
    id: z.number(),
    year: z.number(),
    fileName: z.string(),
    importedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('ExistingImport');

export const DuplicateImportSchema = z
  .object({
    error: z.object({ code: z.literal('duplicate-import'), message: z.string() }),
    existing: ExistingImportSchema,
  })
  .openapi('DuplicateImport');

/** The file was imported before and the request did not say whether to replace it or keep both. */
export class DuplicateImportError extends DomainError {
  constructor(
    fileName: string,
    readonly existing: ExistingImport,
  ) {
    super(
      'conflict',
      'duplicate-import',
      `文件 ${fileName} 与 ${chinaToday(new Date(existing.importedAt))} 导入的“${existing.fileName}”（${existing.year}年度）内容相同：请选择替换原导入，或另存一份`,
    );
  }

  override extra() {
    return { existing: this.existing };
  }
}
