import * as oidc from 'openid-client';
import type { ReportingConfig } from '../config';

/**
 * Reporting's client at the OpenID provider (openid-client), discovered once from the issuer URL:
 * people sign in with authorization code + PKCE, and reporting gets its own access tokens with client
 * credentials. Plain http is allowed only for a loopback issuer (the local provider).
 */
export class RelyingParty {
  private discovered?: Promise<oidc.Configuration>;
  private ownToken?: { token: string; expiresAt: number };

  constructor(private readonly config: ReportingConfig) {}

  get redirectUri(): string {
    return `${this.config.publicUrl}/auth/callback`;
  }

  async authorizationUrl(flow: { verifier: string; state: string; nonce: string }): Promise<string> {
    return oidc
      .buildAuthorizationUrl(await this.configuration(), {
        redirect_uri: this.redirectUri,
        scope: 'openid profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
        // The person's access token is for ingest, where the shell records what they do.
        resource: this.config.ingestAudience,
      })
      .toString();
  }

  /** Exchanges the code the provider redirected back with, checking state, nonce and PKCE. */
  async signedIn(callbackUrl: URL, flow: { verifier: string; state: string; nonce: string }) {
    const tokens = await oidc.authorizationCodeGrant(
      await this.configuration(),
      callbackUrl,
      { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true },
      { resource: this.config.ingestAudience },
    );
    const claims = tokens.claims();
    if (!claims) throw new Error('the provider returned no ID token');
    return {
      userId: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : claims.sub,
      accessToken: tokens.access_token,
      expiresAt: Date.now() + (tokens.expiresIn() ?? 300) * 1000,
      idToken: tokens.id_token ?? '',
    };
  }

  /** Where to send a browser to end its session at the provider too, or null if the provider has no such endpoint. */
  async endSessionUrl(idToken: string): Promise<string | null> {
    const configuration = await this.configuration();
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(configuration, { id_token_hint: idToken, post_logout_redirect_uri: `${this.config.publicUrl}/` }).toString();
  }

  /** Reporting's own access token for ingest (client credentials), reused until a minute before it expires. */
  async clientToken(): Promise<string> {
    if (this.ownToken && this.ownToken.expiresAt > Date.now() + 60_000) return this.ownToken.token;
    const tokens = await oidc.clientCredentialsGrant(await this.configuration(), { scope: 'ledger', resource: this.config.ingestAudience });
    this.ownToken = { token: tokens.access_token, expiresAt: Date.now() + (tokens.expiresIn() ?? 60) * 1000 };
    return this.ownToken.token;
  }

  get issuerOrigin(): string {
    return new URL(this.config.oidcIssuer).origin;
  }

  private configuration(): Promise<oidc.Configuration> {
    const loopback = new URL(this.config.oidcIssuer).hostname === '127.0.0.1';
    this.discovered ??= oidc
      .discovery(new URL(this.config.oidcIssuer), this.config.clientId, this.config.clientSecret, undefined, loopback ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((error: Error) => {
        this.discovered = undefined;
        throw error;
      });
    return this.discovered;
  }
}
