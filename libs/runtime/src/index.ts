export * from './config';
export * from './logger';
export * from './app-error';
export * from './app-error.filter';
export * from './health.controller';
export * from './bootstrap';
export * from './run-main';
export * from './client-registry';
