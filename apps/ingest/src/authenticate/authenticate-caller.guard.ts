import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AccessTokenVerifier, AppError, bearerTokenOf, InvalidAccessTokenError } from '@ledger/runtime';
import { APP_LOGGER } from '../tokens';
import type { AuthenticatedRequest, Caller } from './caller';
import { ClientDirectory } from './client-directory';

/**
 * Every ingest route but /health and /docs: `Authorization: Bearer <JWT access token for ingest>`, or
 * (for xAPI content, as learning record stores conventionally accept) `Basic <key:secret>` of a
 * registered client. No or bad credentials are 401; a client this deployment does not know is 403.
 * Refusals are logged with who was refused, never with the credential.
 */
@Injectable()
export class AuthenticateCaller implements CanActivate {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly clients: ClientDirectory,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.caller = await this.authenticate(request.headers.authorization, request.url);
    return true;
  }

  private async authenticate(header: string | undefined, path: string): Promise<Caller> {
    if (header?.trim().toLowerCase().startsWith('basic ')) return this.basic(header.trim().slice(6), path);
    const token = bearerTokenOf(header);
    if (!token) throw this.refused(401, 'send a bearer access token (or, for xAPI, Basic credentials of a registered client)', { path });
    const identity = await this.verifier.verify(token).catch((error: unknown) => {
      if (error instanceof InvalidAccessTokenError) throw this.refused(401, error.message, { path });
      this.logger.error({ err: error }, 'access token verification unavailable');
      throw new AppError('STORE.UNAVAILABLE', 'the identity provider cannot be reached to check the token; retry');
    });
    if (identity.kind === 'person') return identity;
    const families = this.clients.familiesOf(identity.clientId);
    if (!families) throw this.refused(403, `client ${identity.clientId} is not registered with this ledger`, { path, clientId: identity.clientId });
    return { kind: 'client', clientId: identity.clientId, families };
  }

  private basic(encoded: string, path: string): Caller {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    const key = at > 0 ? decoded.slice(0, at) : '';
    const clientId = key ? this.clients.clientWithBasic(key, decoded.slice(at + 1)) : undefined;
    if (!clientId) throw this.refused(401, 'the Basic key and secret are not those of a registered client', { path, basicKey: key });
    return { kind: 'client', clientId, families: this.clients.familiesOf(clientId) ?? [] };
  }

  private refused(status: 401 | 403, message: string, who: Record<string, string>): AppError {
    this.logger.warn({ ...who, status, reason: message }, 'request refused');
    return new AppError(status === 401 ? 'AUTH.UNAUTHENTICATED' : 'AUTH.FORBIDDEN', message);
  }
}
