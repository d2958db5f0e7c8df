export { apiDescription, createApp, type App } from './http/app.js';
export { createServices, type Services } from './services.js';
export { openDatabase, type DatabaseHandle, type Engine } from './db/database.js';
export { chinaToday } from './clock.js';
