import type { Actor } from '../features/access.js';
import type { Services } from '../services.js';
import type { ClientInfo } from './client.js';

/** What every request carries through the middleware: the services and, once logged in, the person. */
export interface AppEnv {
  Variables: {
    services: Services;
    actor: Actor | undefined;
    sessionToken: string | undefined;
    client: ClientInfo;
  };
}
