import { readFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
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
});
