import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeploymentKey } from './deployment-key';
import { privateKeyFileProblem } from './key-file';
import { compactVerify, importJWK } from 'jose';
import { PublicKeySet } from './public-key-set';

describe('DeploymentKey', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deployment-key-'));

  it('generates a development key once, readable by its owner only, and loads the same key again', async () => {
    const file = join(dir, 'nested', 'key.pem');
    const first = await DeploymentKey.load({ file, generateIfMissing: true });
    const second = await DeploymentKey.load({ file, generateIfMissing: true });
    expect(second.keyId).toBe(first.keyId);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: first.keyId, alg: 'EdDSA', use: 'sig' });
  });

  it('signs bytes that its public key set verifies, and nothing else', async () => {
    const key = await DeploymentKey.load({ file: join(dir, 'sign.pem'), generateIfMissing: true });
    const signature = key.sign(Buffer.from('sealed'));
    expect(key.verify(Buffer.from('sealed'), signature)).toBe(true);
    expect(key.verify(Buffer.from('sealeD'), signature)).toBe(false);
    expect(key.publicKeys().verify('another-kid', Buffer.from('sealed'), signature)).toBe(false);
  });

  it('signs a compact JWS (EdDSA) that its public JWK verifies, and an altered payload does not', async () => {
    const key = await DeploymentKey.load({ file: join(dir, 'jws.pem'), generateIfMissing: true });
    const jws = await key.signCompactJws(Buffer.from('{"a":1}'), { typ: 'JWT', kid: key.keyId });
    const publicKey = await importJWK(key.publicJwk, 'EdDSA');
    const verified = await compactVerify(jws, publicKey);
    expect([verified.protectedHeader, Buffer.from(verified.payload).toString()]).toEqual([{ typ: 'JWT', kid: key.keyId, alg: 'EdDSA' }, '{"a":1}']);
    const [header, , signature] = jws.split('.');
    await expect(compactVerify(`${header}.${Buffer.from('{"a":2}').toString('base64url')}.${signature}`, publicKey)).rejects.toThrow(/signature verification failed/);
  });

  it('its key id is the RFC 7638 thumbprint (RFC 8037 appendix A.3 example key)', async () => {
    const rfcKey = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
    const file = join(dir, 'rfc.jwk');
    writeFileSync(file, JSON.stringify(rfcKey));
    expect((await PublicKeySet.fromFile(file)).keyIds).toEqual(['kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k']);
  });

  it('publishes a key set an auditor can load from a JWKS file or a PEM public key', async () => {
    const key = await DeploymentKey.load({ file: join(dir, 'published.pem'), generateIfMissing: true });
    const signature = key.sign(Buffer.from('x'));
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [key.publicJwk] }));
    expect((await PublicKeySet.fromFile(join(dir, 'jwks.json'))).verify(key.keyId, Buffer.from('x'), signature)).toBe(true);
    const pem = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString();
    writeFileSync(join(dir, 'public.pem'), pem);
    expect((await PublicKeySet.fromFile(join(dir, 'public.pem'))).keyIds).toHaveLength(1);
  });

  it('says what is wrong with a key file: missing, not PEM, not Ed25519', () => {
    expect(privateKeyFileProblem(join(dir, 'absent.pem'))).toMatch(/cannot read .*ENOENT/);
    writeFileSync(join(dir, 'garbage.pem'), 'hello');
    expect(privateKeyFileProblem(join(dir, 'garbage.pem'))).toMatch(/not a PEM private key/);
    writeFileSync(
      join(dir, 'rsa.pem'),
      generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }),
    );
    expect(privateKeyFileProblem(join(dir, 'rsa.pem'))).toMatch(/rsa key, not Ed25519/);
  });
});
