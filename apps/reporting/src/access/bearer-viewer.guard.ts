import { CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AccessTokenVerifier, AppError, bearerTokenOf, InvalidAccessTokenError } from '@ledger/runtime';
import { APP_LOGGER } from '../tokens';

type ApiRequest = FastifyRequest & { viewerId?: string };

/**
 * Reporting's API: a person's bearer access token for reporting (verified against the issuer's JWKS).
 * A client's own token identifies no person, so it sees no one's record. Refusals are logged with who, never the token.
 */
@Injectable()
export class BearerViewer implements CanActivate {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const token = bearerTokenOf(request.headers.authorization);
    if (!token) throw this.refused(401, 'send a bearer access token for reporting', { path: request.url });
    const identity = await this.verifier.verify(token).catch((error: unknown) => {
      if (error instanceof InvalidAccessTokenError) throw this.refused(401, error.message, { path: request.url });
      throw error;
    });
    if (identity.kind !== 'person') throw this.refused(403, 'a client token identifies no person; reports are for people', { clientId: identity.clientId });
    request.viewerId = identity.userId;
    return true;
  }

  private refused(status: 401 | 403, message: string, who: Record<string, string>): AppError {
    this.logger.warn({ ...who, status, reason: message }, 'request refused');
    return new AppError(status === 401 ? 'AUTH.UNAUTHENTICATED' : 'AUTH.FORBIDDEN', message);
  }
}

/** The signed-in person the BearerViewer guard found. */
export const ViewerId = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const viewerId = context.switchToHttp().getRequest<ApiRequest>().viewerId;
  if (!viewerId) throw new Error('ViewerId used on a route without the BearerViewer guard');
  return viewerId;
});
