import { z } from '@hono/zod-openapi';

/*
 * What the corpus routes answer with, as CorpusService builds it. Statuses are codes for programs;
 * the page names them in Chinese (读取、失败、待复核、已存在).
 */

const timestamp = z.string().openapi({ format: 'date-time' });
const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

export const CorpusImportStartedSchema = z
  .object({
    batchId: z.number().int(),
    total: z.number().int().openapi({ description: '本批的文件数（ZIP 压缩包按其中的文件计）' }),
  })
  .openapi('CorpusImportStarted');

export const CorpusFileStatusSchema = z.enum(['read', 'review', 'failed']).openapi({
  description:
    'read 已读取；review 已读取但须人工复核（未读出机关或年度、机关识别把握不足、表格未读全）；failed 无法读取',
});

export const CorpusBatchSchema = z
  .object({
    id: z.number().int(),
    label: z.string(),
    startedAt: timestamp,
    finishedAt: orNull(timestamp).openapi({
      description: '完成时间；null 表示仍在导入（或导入中断，重新导入即可继续）',
    }),
    total: z.number().int(),
    done: z.number().int().openapi({ description: '已处理的文件数' }),
    read: z.number().int(),
    review: z.number().int(),
    failed: z.number().int(),
    existing: z.number().int().openapi({ description: '此前已导入过的文件数（内容相同，未重复导入）' }),
    files: z.object({
      total: z.number().int(),
      items: z.array(
        z.object({
          id: z.number().int(),
          fileName: z.string(),
          status: CorpusFileStatusSchema,
          reason: orNull(z.string()).openapi({ description: '失败或须复核的原因（含文件名）' }),
          size: z.number().int(),
          organId: orNull(z.number().int()),
          organName: orNull(z.string()),
          year: orNull(z.number().int()),
          version: orNull(z.number().int()),
        }),
      ),
    }),
  })
  .openapi('CorpusBatch');

export const CorpusOrganSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    regionCode: orNull(z.string()).openapi({ description: '行政区划代码（国家统计局统计用区划代码）' }),
    level: orNull(z.enum(['province', 'prefecture', 'county', 'township'])),
    kind: z.enum(['government', 'department']),
    confidence: z.number().openapi({ description: '由名称识别机关的把握程度（0–1）' }),
    names: z.array(z.string()).openapi({ description: '报告中出现过的各种写法' }),
    reports: z.number().int().openapi({ description: '现行版本的报告数' }),
  })
  .openapi('CorpusOrgan');

export const CorpusOrganPageSchema = z
  .object({ total: z.number().int(), items: z.array(CorpusOrganSchema) })
  .openapi('CorpusOrganPage');

export const CorpusOrganNameSchema = z
  .object({
    name: z.string(),
    organId: z.number().int(),
    organName: z.string(),
    source: z.literal('manual'),
    confidence: z.number(),
  })
  .openapi('CorpusOrganName');

export const CorpusMergeSchema = z
  .object({ id: z.number().int(), mergedInto: z.number().int() })
  .openapi('CorpusOrganMerged');
