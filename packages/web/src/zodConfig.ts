import { config } from 'zod/v4/core';

/*
 * The server's Content-Security-Policy allows no eval. zod compiles fast parsers with `new Function`
 * when it may; its probe for that is refused and reported as a CSP violation even though zod
 * catches it. jitless: no probe, no compiled parsers (the web checks few and small values).
 * Imported first by main.tsx, before any module builds a schema.
 */
config({ jitless: true });
