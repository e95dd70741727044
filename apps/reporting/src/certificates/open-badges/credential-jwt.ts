import { decodeProtectedHeader, importJWK, JWTPayload, jwtVerify } from 'jose';
import type { DeploymentKey, PublicJwk } from '@ledger/deployment-key';
import { OPEN_BADGES_CONTEXTS, OpenBadgeCredential } from './open-badge-credential';

/** Where the deployment publishes its public keys; a credential's `kid` is this URL, then `#` and the key's thumbprint. */
export const jwksUrl = (publicUrl: string): string => `${publicUrl}/.well-known/jwks.json`;

/**
 * The credential as a VC-JWT (Open Badges 3.0, "JSON Web Token Proof Format"): a compact JWS whose
 * payload is the credential itself with the registered claims mapped from it (`iss` = issuer id,
 * `jti` = credential id, `nbf` = validFrom), signed EdDSA with the deployment key, `typ` JWT, and a
 * `kid` that can be dereferenced to the public JWK.
 */
export function signOpenBadgeCredential(credential: OpenBadgeCredential, key: DeploymentKey, publicUrl: string): Promise<string> {
  const payload = { ...credential, iss: credential.issuer.id, jti: credential.id, nbf: Math.floor(Date.parse(credential.validFrom) / 1000) };
  return key.signCompactJws(Buffer.from(JSON.stringify(payload)), { typ: 'JWT', kid: `${jwksUrl(publicUrl)}#${key.keyId}` });
}

/** A checker's clock may run a little behind the issuer's; `nbf` a few minutes ahead is normal. */
const CLOCK_TOLERANCE_SECONDS = 300;

export type CredentialCheck = { valid: true; credential: OpenBadgeCredential; keyId: string } | { valid: false; reason: string };

/**
 * Checks a VC-JWT Open Badges credential offline, against public keys the checker trusts (the
 * deployment's published JWK Set, pinned): the signature (EdDSA only; `none` and every other
 * algorithm are refused) by a key of the set named by the `kid`, then that it is an Open Badges 3.0
 * credential whose registered claims agree with it. Nothing is fetched.
 */
export async function verifyOpenBadgeCredential(jwt: string, trusted: { keys: Array<Partial<PublicJwk>> }): Promise<CredentialCheck> {
  let keyId: string;
  try {
    keyId = (decodeProtectedHeader(jwt).kid ?? '').split('#').pop() ?? '';
  } catch {
    return { valid: false, reason: 'not a compact JWS' };
  }
  const jwk = trusted.keys.find((k) => k.kid === keyId);
  if (!keyId || !jwk) return { valid: false, reason: `signed with a key that is not trusted (kid "${keyId}")` };
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(jwt, await importJWK({ kty: 'OKP', crv: 'Ed25519', x: String(jwk.x) }, 'EdDSA'), { algorithms: ['EdDSA'], typ: 'JWT', clockTolerance: CLOCK_TOLERANCE_SECONDS }));
  } catch (error) {
    return { valid: false, reason: `signature or claims do not verify: ${(error as Error).message}` };
  }
  const problem = credentialProblem(payload);
  return problem ? { valid: false, reason: problem } : { valid: true, credential: payload as unknown as OpenBadgeCredential, keyId };
}

/** What makes a verified payload not an Open Badges 3.0 credential that agrees with its own claims, if anything. */
function credentialProblem(payload: JWTPayload): string | undefined {
  const credential = payload as Partial<OpenBadgeCredential> & JWTPayload;
  const contexts = credential['@context'];
  if (!Array.isArray(contexts) || OPEN_BADGES_CONTEXTS.some((c, i) => contexts[i] !== c)) return '@context is not the VC 2.0 and Open Badges 3.0 contexts';
  if (!Array.isArray(credential.type) || !credential.type.includes('VerifiableCredential') || !credential.type.includes('OpenBadgeCredential')) {
    return 'type is not VerifiableCredential, OpenBadgeCredential';
  }
  if (!credential.issuer?.id || credential.iss !== credential.issuer.id) return 'iss does not match issuer.id';
  if (!credential.id || credential.jti !== credential.id) return 'jti does not match id';
  if (!credential.validFrom || credential.nbf !== Math.floor(Date.parse(credential.validFrom) / 1000)) return 'nbf does not match validFrom';
  if (!credential.credentialSubject?.achievement?.name) return 'credentialSubject.achievement is missing';
  return undefined;
}
