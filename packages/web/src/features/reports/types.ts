import type { components } from '../../api/schema.js';

/** GET /api/organs/{organId}/reports/{year}, and what every change of the report answers with. */
export type ReportState = components['schemas']['ReportState'];

/** The prose sections 一、五、六 as PUT …/sections takes them. */
export type Sections = components['schemas']['Report']['sections'];
