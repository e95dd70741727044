import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Until clients authenticate (a later issue), an event's `source` is the client id the request declares. */
export const UNDECLARED_SOURCE = 'undeclared-client';
export const CLIENT_ID_HEADER = 'x-client-id';

/** The `source` to record for a request's events: its declared client id, or UNDECLARED_SOURCE. */
export const ClientSource = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const declared = context.switchToHttp().getRequest<FastifyRequest>().headers[CLIENT_ID_HEADER];
  return (typeof declared === 'string' ? declared.trim() : '') || UNDECLARED_SOURCE;
});
