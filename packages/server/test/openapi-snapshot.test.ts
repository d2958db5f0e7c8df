import { describe, expect, it } from 'vitest';
import { apiDescription } from '../src/index.js';

/**
 * The API description as clients know it. A change of a route, a schema or a message in it shows
 * here as a diff to review; an intended one is recorded with `npx vitest run -u` (and
 * `npm run api:types` for the web app). Refactoring the server leaves it as it is.
 */
describe('the OpenAPI description', () => {
  it('is the one recorded', async () => {
    await expect(`${JSON.stringify(apiDescription(), null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/openapi.json');
  });
});
