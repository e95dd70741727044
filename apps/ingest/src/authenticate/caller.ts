import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { EventFamily } from '@ledger/events';
import type { FastifyRequest } from 'fastify';

/**
 * Who is calling ingest, once authenticated: a registered client acting for itself (client
 * credentials or HTTP Basic), allowed its event families; or a person, signed in through a client
 * (e.g. reporting's web shell), who may record only the facts the access policy lets them cause.
 */
export type Caller =
  | { kind: 'client'; clientId: string; families: readonly EventFamily[] }
  | { kind: 'person'; userId: string; clientId: string };

export type AuthenticatedRequest = FastifyRequest & { caller?: Caller };

/** The caller the AuthenticateCaller guard attached to the request. */
export const CallerOf = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('CallerOf used on a route without the AuthenticateCaller guard');
  return caller;
});

/** For logs: who, never with what credential. */
export function callerName(caller: Caller): Record<string, string> {
  return caller.kind === 'client' ? { clientId: caller.clientId } : { userId: caller.userId, clientId: caller.clientId };
}
