import { createPublicKey, KeyObject, verify as verifyBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { publicJwkOf, PublicJwk } from './public-jwk';

/**
 * Public keys by key id, for checking signatures without any private key: what an auditor holds.
 * A signature names its key by id, so a rotated deployment key still verifies what the old one signed
 * as long as the old public key is in the set.
 */
export class PublicKeySet {
  private constructor(private readonly keys: Map<string, KeyObject>) {}

  /** From a JWK Set (`{ keys: [...] }`); each key needs its `kid` (as our published set has). */
  static fromJwks(jwks: { keys: Array<Partial<PublicJwk>> }): PublicKeySet {
    const keys = new Map<string, KeyObject>();
    for (const jwk of jwks.keys) {
      if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || typeof jwk.kid !== 'string') {
        throw new Error('every key must be an Ed25519 JWK with kty, crv, x and kid');
      }
      keys.set(jwk.kid, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }));
    }
    return new PublicKeySet(keys);
  }

  /**
   * From a file holding a JWK Set, a single JWK, or a PEM public (or private) key. A key without a
   * `kid` gets its RFC 7638 thumbprint, the id the deployment itself uses.
   */
  static async fromFile(path: string): Promise<PublicKeySet> {
    const text = readFileSync(path, 'utf8').trim();
    if (text.startsWith('-----BEGIN')) return PublicKeySet.fromJwks({ keys: [await publicJwkOf(createPublicKey(text))] });
    const parsed = JSON.parse(text) as { keys?: Array<Partial<PublicJwk>> } & Partial<PublicJwk>;
    const jwks = Array.isArray(parsed.keys) ? parsed.keys : [parsed];
    const withIds = await Promise.all(
      jwks.map(async (jwk) =>
        jwk.kid
          ? jwk
          : {
              ...jwk,
              kid: (await publicJwkOf(createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x) }, format: 'jwk' }))).kid,
            },
      ),
    );
    return PublicKeySet.fromJwks({ keys: withIds });
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  has(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /** Whether `signature` over `bytes` was made by the key named `keyId`; false for an unknown key. */
  verify(keyId: string, bytes: Buffer, signature: Buffer): boolean {
    const key = this.keys.get(keyId);
    return key !== undefined && signature.length === 64 && verifyBytes(null, bytes, key, signature);
  }
}
