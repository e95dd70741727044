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
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // A query may name up to 20 ids per list filter, each up to 100 characters, which percent-encoded can
    // pass Node's 16 KB header limit; with room for them, such a request reaches validation and is
    // answered 400 naming the field, not 431. Path parameters likewise reach validation (404/400), not 414.
    http: { maxHeaderSize: 256 * 1024 },
    routerOptions: { maxParamLength: 8 * 1024 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
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
