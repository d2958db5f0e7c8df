import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import type { App } from './env.js';

/** The built web app (packages/web/dist) beside this package in the repository. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Serves the web app at `/` on the API's port: files as they are (hashed assets cached for a
 * year), and index.html for every other path, so that a reload on /workbench/12 works.
 */
export function serveWeb(app: App, dir: string = DEFAULT_WEB_DIR): boolean {
  const indexFile = `${dir}/index.html`;
  if (!existsSync(indexFile)) return false;
  const index = readFileSync(indexFile, 'utf8');
  // The scripts are text of a megabyte or so. The build leaves brotli and gzip copies beside them
  // (sent as they are); compress() covers a build without them.
  app.use('/assets/*', compress());
  app.use(
    '/assets/*',
    serveStatic({
      root: dir,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return c.html(index);
  });
  return true;
}
