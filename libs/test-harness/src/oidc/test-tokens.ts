import { testIssuer } from '../test-stack-env';
import { localClientSecret, localPassword } from './local-credentials';
import { clientAccessToken, INGEST_AUDIENCE, personAccessToken } from './tokens';

/**
 * Real access tokens from the test run's OpenID provider, for tests. Tokens are cached per process
 * (each is valid for minutes, a test file runs for less), so a matrix of requests signs in once per person.
 */
const cache = new Map<string, Promise<string>>();

export function testClientToken(clientId: string, audience = INGEST_AUDIENCE): Promise<string> {
  const key = `client:${clientId}:${audience}`;
  if (!cache.has(key)) cache.set(key, clientAccessToken(testIssuer(), clientId, localClientSecret(clientId), audience));
  return cache.get(key)!;
}

export function testPersonToken(username: string, audience = INGEST_AUDIENCE): Promise<string> {
  const key = `person:${username}:${audience}`;
  if (!cache.has(key)) cache.set(key, personAccessToken(testIssuer(), username, localPassword(username), audience));
  return cache.get(key)!;
}

/** `authorization` header with a bearer token. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
