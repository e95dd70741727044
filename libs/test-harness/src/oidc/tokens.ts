import * as oidc from 'openid-client';
import { CookieJar } from './cookie-jar';

/** The APIs an access token can be for (its audience). */
export const INGEST_AUDIENCE = 'urn:activity-ledger:ingest';
export const REPORTING_AUDIENCE = 'urn:activity-ledger:reporting';
/** The public client the local provider registers for command-line sign-in, and where it "redirects". */
export const CLI_CLIENT_ID = 'ledger-cli';
const CLI_REDIRECT_URI = 'http://127.0.0.1/callback';
const MAX_REDIRECTS = 10;

/** Whether `issuer` is plain http on loopback, the only place openid-client may skip TLS here. */
function discoveryOptions(issuer: string) {
  return new URL(issuer).hostname === '127.0.0.1' ? { execute: [oidc.allowInsecureRequests] } : undefined;
}

/** A real access token for a registered client (OAuth client credentials), from the provider at `issuer`. */
export async function clientAccessToken(issuer: string, clientId: string, secret: string, audience = INGEST_AUDIENCE): Promise<string> {
  const config = await oidc.discovery(new URL(issuer), clientId, secret, undefined, discoveryOptions(issuer));
  const tokens = await oidc.clientCredentialsGrant(config, { scope: 'ledger', resource: audience });
  return tokens.access_token;
}

/**
 * A real access token for a person, got the way a person gets one: authorization code + PKCE, signing
 * in on the provider's own login page (its form, posted with its cookies), then exchanging the code.
 * Only the command-line client's loopback redirect is never served: its Location carries the code.
 */
export async function personAccessToken(issuer: string, username: string, password: string, audience = INGEST_AUDIENCE): Promise<string> {
  const config = await oidc.discovery(new URL(issuer), CLI_CLIENT_ID, undefined, oidc.None(), discoveryOptions(issuer));
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const authorize = oidc.buildAuthorizationUrl(config, {
    redirect_uri: CLI_REDIRECT_URI,
    scope: 'openid profile ledger',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    resource: audience,
  });
  const jar = new CookieJar();
  const loginPage = await follow(jar, authorize.href);
  const formAction = /<form method="post" action="([^"]+)"/.exec(await loginPage.response.text())?.[1];
  if (!formAction) throw new Error(`the provider did not show its sign-in form (at ${loginPage.url})`);
  const submitted = await follow(jar, new URL(formAction, loginPage.url).href, new URLSearchParams({ username, password }));
  if (!submitted.url.startsWith(CLI_REDIRECT_URI)) throw new Error(`signing in as ${username} failed (${submitted.response.status} at ${submitted.url})`);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(submitted.url), { pkceCodeVerifier: verifier, expectedState: state }, { resource: audience });
  return tokens.access_token;
}

/** Follows redirects by hand (keeping cookies) until a page answers, or until the CLI redirect URI is reached. */
async function follow(jar: CookieJar, url: string, form?: URLSearchParams): Promise<{ url: string; response: Response }> {
  let current = url;
  let body: URLSearchParams | undefined = form;
  for (let hop = 0; hop < MAX_REDIRECTS; hop += 1) {
    const response = await fetch(current, {
      method: body ? 'POST' : 'GET',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: body?.toString(),
      redirect: 'manual',
    });
    jar.store(response);
    const location = response.headers.get('location');
    if (!location || response.status < 300 || response.status > 399) return { url: current, response };
    current = new URL(location, current).href;
    body = undefined;
    if (current.startsWith(CLI_REDIRECT_URI)) return { url: current, response };
  }
  throw new Error(`too many redirects signing in (last: ${current})`);
}
