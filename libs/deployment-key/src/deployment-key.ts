import { sign as signBytes, KeyObject } from 'node:crypto';
import { CompactJWSHeaderParameters, CompactSign } from 'jose';
import { ensureDevelopmentKeyFile, readEd25519PrivateKey } from './key-file';
import { publicJwkOf, PublicJwk } from './public-jwk';
import { PublicKeySet } from './public-key-set';

/** Where the deployment's key comes from. */
export interface DeploymentKeySettings {
  /** PKCS#8 PEM file holding the Ed25519 private key. */
  file: string;
  /** Development only: create a key at `file` when none is there. In production the key is provided. */
  generateIfMissing: boolean;
}

/**
 * The deployment's signing key: an Ed25519 key pair that says "this deployment vouched for these
 * bytes" (ledger seals, certificates). It signs and verifies bytes; the public half is published as
 * a JWK so anyone can check a signature without access to the deployment.
 */
export class DeploymentKey {
  private constructor(
    private readonly privateKey: KeyObject,
    /** The public key as a JWK; `kid` names this key in everything it signs. */
    readonly publicJwk: PublicJwk,
  ) {}

  static async load(settings: DeploymentKeySettings): Promise<DeploymentKey> {
    if (settings.generateIfMissing) ensureDevelopmentKeyFile(settings.file);
    return DeploymentKey.fromPrivateKey(readEd25519PrivateKey(settings.file));
  }

  static async fromPrivateKey(privateKey: KeyObject): Promise<DeploymentKey> {
    if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519')
      throw new Error('the deployment key must be an Ed25519 private key');
    return new DeploymentKey(privateKey, await publicJwkOf(privateKey));
  }

  get keyId(): string {
    return this.publicJwk.kid;
  }

  /** An Ed25519 signature (64 bytes) over `bytes`. */
  sign(bytes: Buffer): Buffer {
    return signBytes(null, bytes, this.privateKey);
  }

  /**
   * A compact JWS (RFC 7515) over `payload`, signed with this key (EdDSA), with `header` in its
   * protected header: for documents the deployment vouches for in a standard envelope (a VC-JWT).
   */
  async signCompactJws(payload: Uint8Array, header: Omit<CompactJWSHeaderParameters, 'alg'>): Promise<string> {
    return new CompactSign(payload).setProtectedHeader({ ...header, alg: 'EdDSA' }).sign(this.privateKey);
  }

  /** Whether `signature` is this key's signature over `bytes`. */
  verify(bytes: Buffer, signature: Buffer): boolean {
    return this.publicKeys().verify(this.keyId, bytes, signature);
  }

  /** A key set holding only this key's public half, for verifiers. */
  publicKeys(): PublicKeySet {
    return PublicKeySet.fromJwks({ keys: [this.publicJwk] });
  }
}
