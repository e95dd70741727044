import { createRemoteJWKSet, errors as joseErrors, jwtVerify, JWTVerifyGetKey } from 'jose';

/** Who an access token says is calling: a person (signed in through `clientId`), or a client on its own behalf. */
export type TokenIdentity = { kind: 'person'; userId: string; clientId: string } | { kind: 'client'; clientId: string };

/** Why a bearer token was refused; the token itself is never part of it (nor of any log). */
export class InvalidAccessTokenError extends Error {}

/**
 * Verifies bearer access tokens as a resource server: a JWT signed by a key in the issuer's JWKS,
 * issued by `issuer`, for `audience`, not expired (RFC 9068). Any OpenID provider that issues JWT access
 * tokens works: nothing here is specific to the local one. The token only identifies the caller;
 * rights come from the ledger's grants. A client acting for itself (client credentials) has `sub`
 * equal to its client id, as RFC 9068 §2.2 asks; any other `sub` is a person.
 */
export class AccessTokenVerifier {
  private keys?: Promise<JWTVerifyGetKey>;

  constructor(
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  async verify(token: string): Promise<TokenIdentity> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await this.jwks(), { issuer: this.issuer, audience: this.audience, clockTolerance: 5 }));
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) throw new InvalidAccessTokenError(`access token refused: ${error.code}`);
      throw error;
    }
    const subject = payload.sub;
    const clientId = payload.client_id ?? payload.azp;
    if (typeof subject !== 'string' || subject === '' || typeof clientId !== 'string' || clientId === '') {
      throw new InvalidAccessTokenError('access token refused: it names no subject or client');
    }
    return subject === clientId ? { kind: 'client', clientId } : { kind: 'person', userId: subject, clientId };
  }

  /** The issuer's signing keys, found through its discovery document once; jose refetches on an unknown key id. */
  private jwks(): Promise<JWTVerifyGetKey> {
    this.keys ??= fetch(`${this.issuer}/.well-known/openid-configuration`)
      .then(async (response) => {
        if (!response.ok) throw new Error(`discovery at ${this.issuer} answered ${response.status}`);
        const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
        if (!jwksUri) throw new Error(`discovery at ${this.issuer} names no jwks_uri`);
        return createRemoteJWKSet(new URL(jwksUri));
      })
      .catch((error: Error) => {
        this.keys = undefined;
        throw error;
      });
    return this.keys;
  }
}

/** The bearer token of an `Authorization` header, or undefined. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}
