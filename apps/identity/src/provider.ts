import { generateKeyPair, exportJWK } from 'jose';
import { randomBytes } from 'node:crypto';
import Provider, { type ClientMetadata, type Configuration, errors } from 'oidc-provider';
import type { RegisteredClient } from '@ledger/runtime';
import type { IdentityConfig } from './config';
import { LEDGER_SCOPE, RESOURCE_SERVERS } from './resource-servers';

/**
 * The local OpenID provider: oidc-provider with the registered clients, the demo people, JWT access
 * tokens for our two APIs, client credentials for machine clients, and authorization code + PKCE
 * for people. Keys are made at start, so tokens from an earlier run are no longer valid.
 */
export async function createProvider(config: IdentityConfig): Promise<Provider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: `local-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' };
  const configuration: Configuration = {
    clients: config.registry.clients.map(clientMetadata),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    findAccount: async (_ctx, accountId) => {
      const person = config.people.find((p) => p.username === accountId);
      if (!person) return undefined;
      return { accountId, claims: async () => ({ sub: accountId, name: person.name, preferred_username: accountId }) };
    },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    scopes: ['openid', 'profile', 'offline_access'],
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // Signing out of reporting signs out of this provider too, without a question (a development provider).
      rpInitiatedLogout: { enabled: true, logoutSource: signOutAtOnce },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE_SERVERS[0],
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (!(RESOURCE_SERVERS as readonly string[]).includes(resource)) throw new errors.InvalidTarget(`unknown resource ${resource}`);
          return { scope: LEDGER_SCOPE, audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    ttl: { AccessToken: 3600, ClientCredentials: 600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
    renderError: async (ctx, out) => {
      ctx.type = 'text/plain';
      ctx.body = `Sign-in error: ${out.error}${out.error_description ? `: ${out.error_description}` : ''}`;
    },
  };
  const provider = new Provider(config.issuer, configuration);
  return provider;
}

/**
 * A registry entry as OAuth client metadata. Clients people sign in through are "native" here
 * because RFC 8252 lets a native client's loopback redirect URI use any port, so tests can run
 * reporting on a free port; production registers reporting as a web client with its real URL.
 */
function clientMetadata(client: RegisteredClient): ClientMetadata {
  const grantTypes = [...(client.secret ? ['client_credentials'] : []), ...(client.signIn ? ['authorization_code', 'refresh_token'] : [])];
  return {
    client_id: client.clientId,
    ...(client.secret ? { client_secret: client.secret, token_endpoint_auth_method: 'client_secret_basic' } : { token_endpoint_auth_method: 'none' }),
    grant_types: grantTypes,
    response_types: client.signIn ? ['code'] : [],
    redirect_uris: client.signIn?.redirectUris ?? [],
    post_logout_redirect_uris: client.signIn?.postLogoutRedirectUris ?? [],
    application_type: 'native',
    scope: 'openid profile offline_access',
  };
}

/** The provider's end-session page: its own form (with its CSRF field), submitted as "yes, sign me out" at once. */
async function signOutAtOnce(ctx: { body?: unknown; type?: string }, form: string): Promise<void> {
  ctx.type = 'html';
  ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Signing out</title></head><body>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" id="confirm-sign-out">Sign out</button>
<script>document.getElementById('confirm-sign-out').click();</script></body></html>`;
}
