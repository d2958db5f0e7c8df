export { apiDescription, createApp, type App } from './http/app.js';
export { createServices, type Services } from './services.js';
export { openDatabase, type DatabaseHandle, type Engine } from './db/database.js';
export { chinaToday } from './clock.js';
export { CorpusService, CORPUS_PARSING } from './features/corpus/service.js';
export { archiveInputs } from './features/corpus/import.js';
export type { CorpusInput, CorpusOutcome, CorpusSummary } from './features/corpus/import.js';
