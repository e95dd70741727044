import { generateKeyPairSync } from 'node:crypto';
import { DeploymentKey } from '@ledger/deployment-key';
import { signOpenBadgeCredential, verifyOpenBadgeCredential } from './credential-jwt';
import { openBadgeCredential } from './open-badge-credential';

const publicUrl = 'https://learning.example.nhs.uk';
const issue = {
  eventId: '6f1c2b9e-8d2a-4c41-9b1e-2a7d5c0e9f10',
  kind: 'course' as const,
  containerId: 'safeguarding-adults-l1',
  learnerName: 'Asha Patel',
  title: 'Safeguarding Adults Level 1',
  completedAt: '2026-03-24T10:00:00.000Z',
  issuedAt: '2026-04-02T10:00:00.000Z',
  verificationCode: 'K7QF-92XM-4HTD',
  factsHash: 'a'.repeat(64),
};
const credential = openBadgeCredential(issue, { publicUrl, hubName: 'e-Learning Hub', verifyUrl: `${publicUrl}/verify-certificate/K7QF-92XM-4HTD` });
const newKey = () => DeploymentKey.fromPrivateKey(generateKeyPairSync('ed25519').privateKey);
const parts = (jwt: string) => jwt.split('.');
const json = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString()) as Record<string, unknown>;
const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Open Badges 3.0 credentials as VC-JWT', () => {
  let key: DeploymentKey;
  let jwks: { keys: object[] };
  beforeAll(async () => {
    key = await newKey();
    jwks = { keys: [key.publicJwk] };
  });

  it('are OpenBadgeCredentials whose JWT claims mirror the credential, and verify offline with the published key', async () => {
    const jwt = await signOpenBadgeCredential(credential, key, publicUrl);
    const [header, payload] = parts(jwt);
    expect(json(header)).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: `${publicUrl}/.well-known/jwks.json#${key.keyId}` });
    expect(json(payload)).toMatchObject({ iss: publicUrl, jti: `urn:uuid:${issue.eventId}`, nbf: Date.parse(issue.issuedAt) / 1000, type: ['VerifiableCredential', 'OpenBadgeCredential'] });
    const check = await verifyOpenBadgeCredential(jwt, jwks);
    expect(check).toEqual({ valid: true, credential: expect.objectContaining({ name: 'Certificate of completion: Safeguarding Adults Level 1' }), keyId: key.keyId });
    expect(check.valid && check.credential.credentialSubject.identifier[0].identityHash).toBe('Asha Patel');
  });

  it('refuse an altered credential: another name, or another completion date', async () => {
    const [header, payload, signature] = parts(await signOpenBadgeCredential(credential, key, publicUrl));
    const altered = json(payload) as { credentialSubject: { identifier: Array<{ identityHash: string }>; activityEndDate: string } };
    altered.credentialSubject.identifier[0].identityHash = 'Someone Else';
    expect(await verifyOpenBadgeCredential(`${header}.${segment(altered)}.${signature}`, jwks)).toMatchObject({ valid: false, reason: expect.stringMatching(/signature/) });
    const redated = { ...json(payload), credentialSubject: { ...(json(payload).credentialSubject as object), activityEndDate: '2020-01-01T00:00:00.000Z' } };
    expect((await verifyOpenBadgeCredential(`${header}.${segment(redated)}.${signature}`, jwks)).valid).toBe(false);
  });

  it('refuse a forgery: signed by another key under the trusted kid, by an unknown key, or unsigned (alg none)', async () => {
    const forger = await newKey();
    const [, payload] = parts(await signOpenBadgeCredential(credential, key, publicUrl));
    const forged = await forger.signCompactJws(Buffer.from(payload, 'base64url'), { typ: 'JWT', kid: `${publicUrl}/.well-known/jwks.json#${key.keyId}` });
    expect(await verifyOpenBadgeCredential(forged, jwks)).toMatchObject({ valid: false, reason: expect.stringMatching(/signature/) });
    expect(await verifyOpenBadgeCredential(await signOpenBadgeCredential(credential, forger, publicUrl), jwks)).toMatchObject({ valid: false, reason: expect.stringMatching(/not trusted/) });
    const unsigned = `${segment({ alg: 'none', typ: 'JWT', kid: key.keyId })}.${payload}.`;
    expect((await verifyOpenBadgeCredential(unsigned, jwks)).valid).toBe(false);
    expect(await verifyOpenBadgeCredential('not a jwt', jwks)).toEqual({ valid: false, reason: 'not a compact JWS' });
  });

  it('refuse a genuinely signed token that is not an Open Badges credential agreeing with its claims', async () => {
    const kid = `${publicUrl}/.well-known/jwks.json#${key.keyId}`;
    const sign = (payload: object) => key.signCompactJws(Buffer.from(JSON.stringify(payload)), { typ: 'JWT', kid });
    const claims = { iss: publicUrl, jti: credential.id, nbf: Date.parse(issue.issuedAt) / 1000 };
    expect(await verifyOpenBadgeCredential(await sign({ ...credential, ...claims, iss: 'https://elsewhere.example' }), jwks)).toMatchObject({ reason: 'iss does not match issuer.id' });
    expect(await verifyOpenBadgeCredential(await sign({ ...credential, ...claims, type: ['VerifiableCredential'] }), jwks)).toMatchObject({ valid: false, reason: expect.stringMatching(/^type/) });
    expect(await verifyOpenBadgeCredential(await sign({ ...credential, ...claims, nbf: 1 }), jwks)).toMatchObject({ reason: 'nbf does not match validFrom' });
  });
});
