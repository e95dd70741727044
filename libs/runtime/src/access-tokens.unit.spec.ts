import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { AccessTokenVerifier, InvalidAccessTokenError } from './access-tokens';

/**
 * The verifier against an issuer that publishes its keys over HTTP, for what the local provider does
 * not hand out on request: tokens that have expired, are not yet valid, or were signed for another
 * issuer. (Real tokens from the real local provider are tested in ingest's and reporting's tests.)
 */
describe('AccessTokenVerifier: expiry and issuer', () => {
  let server: Server;
  let issuer = '';
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const keys = await generateKeyPair('ES256');
    privateKey = keys.privateKey;
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
    server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.url === '/.well-known/openid-configuration') response.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
      else if (request.url === '/jwks') response.end(JSON.stringify({ keys: [jwk] }));
      else response.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  const token = (claims: { exp: number; nbf?: number; iss?: string }) =>
    new SignJWT({ client_id: 'demo-player' })
      .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
      .setSubject('demo-player')
      .setIssuer(claims.iss ?? issuer)
      .setAudience('urn:activity-ledger:ingest')
      .setIssuedAt()
      .setExpirationTime(claims.exp)
      .setNotBefore(claims.nbf ?? Math.floor(Date.now() / 1000) - 60)
      .sign(privateKey);
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a current token and says who it names', async () => {
    const verifier = new AccessTokenVerifier(issuer, 'urn:activity-ledger:ingest');
    await expect(verifier.verify(await token({ exp: now() + 300 }))).resolves.toEqual({ kind: 'client', clientId: 'demo-player' });
  });

  it('refuses an expired token, one not valid yet, and one from another issuer, saying why but not what', async () => {
    const verifier = new AccessTokenVerifier(issuer, 'urn:activity-ledger:ingest');
    const cases = [await token({ exp: now() - 60 }), await token({ exp: now() + 600, nbf: now() + 300 }), await token({ exp: now() + 300, iss: 'https://elsewhere.example' })];
    const refusals = await Promise.all(cases.map((t) => verifier.verify(t).then(() => null, (error: unknown) => error)));
    for (const refusal of refusals) expect(refusal).toBeInstanceOf(InvalidAccessTokenError);
    expect(refusals.map((r) => (r as Error).message)).toEqual([
      'access token refused: ERR_JWT_EXPIRED',
      'access token refused: ERR_JWT_CLAIM_VALIDATION_FAILED',
      'access token refused: ERR_JWT_CLAIM_VALIDATION_FAILED',
    ]);
    for (const [i, refusal] of refusals.entries()) expect((refusal as Error).message).not.toContain(cases[i]);
  });
});
