import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Actor } from '../features/access.js';
import type { Services } from '../services.js';

/** Who is asking, as far as the server can tell: the address limits count by, and whether over TLS. */
export interface ClientInfo {
  readonly address: string;
  /** The request reached the server (or, with a trusted proxy, the proxy) over HTTPS. */
  readonly https: boolean;
}

/** What every request carries through the middleware: the services and, once logged in, the person. */
export interface AppEnv {
  Variables: {
    services: Services;
    actor: Actor | undefined;
    sessionToken: string | undefined;
    client: ClientInfo;
  };
}

/** The application every feature adds its routes to. */
export type App = OpenAPIHono<AppEnv>;
