import { readFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { apiDescription } from '../src/index.js';
// @ts-expect-error -- a plain JS script, run by `npm run api:types`
import { apiTypes, TYPES_FILE } from '../../../scripts/api-types.js';

describe('the web app’s API types', () => {
  it('are generated from the routes as they are (npm run api:types)', async () => {
    const file = (TYPES_FILE as URL).pathname;
    const generated = await format(await (apiTypes as () => Promise<string>)(), {
      ...(await resolveConfig(file)),
      filepath: file,
    });
    expect(generated).toBe(await readFile(file, 'utf8'));
  });

  it('describe the shape of every JSON answer, so the client needs no hand-written types', () => {
    const loose: string[] = [];
    // A schema says nothing when it is empty or an object with neither properties nor a value type.
    const saysNothing = (schema: Record<string, unknown> | undefined) =>
      !schema ||
      Object.keys(schema).length === 0 ||
      (schema['type'] === 'object' && !schema['properties'] && !schema['additionalProperties']);
    const paths = apiDescription().paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          const content = (response as { content?: Record<string, { schema?: Record<string, unknown> }> }).content;
          const json = content?.['application/json'];
          if (json && saysNothing(json.schema)) loose.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    expect(loose).toEqual([]);
  });
});
