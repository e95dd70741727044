import { createPublicKey, KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK } from 'jose';

/** An Ed25519 public key as a JSON Web Key (RFC 8037), with its key id. */
export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  /** The public key, base64url. */
  x: string;
  /** Key id: the key's RFC 7638 SHA-256 thumbprint, so the same key always has the same id. */
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** The public JWK of an Ed25519 key (private or public KeyObject), with its thumbprint as `kid`. */
export async function publicJwkOf(key: KeyObject): Promise<PublicJwk> {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const jwk = await exportJWK(publicKey);
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return {
    kty: 'OKP',
    crv: 'Ed25519',
    x: jwk.x,
    kid: await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x }, 'sha256'),
    alg: 'EdDSA',
    use: 'sig',
  };
}
