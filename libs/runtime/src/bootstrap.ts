import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppErrorFilter } from './app-error.filter';
import { NestPinoLogger } from './logger';
import { RouteTable } from './route-table';

export interface HttpAppOptions {
  logger: Logger;
  /** Largest request body accepted, in bytes; larger ones get 413. */
  bodyLimit?: number;
}

/**
 * Creates a Nest app on Fastify with the structured logger, the one error filter, and shutdown hooks
 * (SIGTERM/SIGINT drain in-flight requests, then run each module's shutdown, e.g. a consumer's final commit).
 */
export async function createHttpApp(module: DynamicModule, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter({ bodyLimit: options.bodyLimit ?? 1024 * 1024 }), {
    logger: new NestPinoLogger(options.logger),
    bufferLogs: false,
  });
  const routes = new RouteTable();
  // Registered before the routes are (at init), so every one of them is seen.
  app.getHttpAdapter().getInstance().addHook('onRoute', (route) => routes.record(route.url, route.method));
  app.useGlobalFilters(new AppErrorFilter(options.logger, routes));
  app.enableShutdownHooks();
  return app;
}
