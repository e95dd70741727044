import { canonicalJson } from '@ledger/events';
import type { DeploymentKey, PublicKeySet } from '@ledger/deployment-key';
import { nextLink } from './chain-bytes';

export const CHECKPOINT_FORMAT = 'activity-ledger.seal.v1' as const;

/**
 * A seal: a signed statement that offsets `fromOffset`..`throughOffset` of one partition held events
 * with exactly these digests, and that the chain's link after them is `link`. Recorded in the seals
 * topic, outside the ledger, one JSON record per checkpoint. Hashes are lowercase hex.
 */
export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  topic: string;
  partition: number;
  fromOffset: string;
  throughOffset: string;
  /** link(fromOffset - 1): the previous checkpoint's `link`, or the partition's genesis. */
  previousLink: string;
  /** link(throughOffset). */
  link: string;
  /** digest of each event, for offsets fromOffset, fromOffset + 1, … throughOffset (no gaps). */
  eventDigests: string[];
  sealedAt: string;
  /** Which deployment key signed it (the key's JWK thumbprint). */
  keyId: string;
  /** Ed25519 over the UTF-8 canonical JSON of every other field; base64url. */
  signature: string;
}

export type UnsignedCheckpoint = Omit<Checkpoint, 'format' | 'keyId' | 'signature'>;

/** Signs a checkpoint with the deployment key. */
export function signCheckpoint(fields: UnsignedCheckpoint, key: DeploymentKey): Checkpoint {
  const unsigned = { format: CHECKPOINT_FORMAT, ...fields, keyId: key.keyId };
  return { ...unsigned, signature: key.sign(signedBytes(unsigned)).toString('base64url') };
}

/** The bytes a checkpoint's signature covers: canonical JSON of every field but the signature. */
export function signedBytes(checkpoint: Omit<Checkpoint, 'signature'>): Buffer {
  const { signature: _ignored, ...rest } = checkpoint as Checkpoint;
  return Buffer.from(canonicalJson(rest), 'utf8');
}

export function encodeCheckpoint(checkpoint: Checkpoint): Buffer {
  return Buffer.from(JSON.stringify(checkpoint), 'utf8');
}

/** A record of the seals topic as a checkpoint, or what is wrong with its shape. */
export function decodeCheckpoint(bytes: Buffer | null): { ok: true; checkpoint: Checkpoint } | { ok: false; problem: string } {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(bytes?.toString('utf8') ?? 'null') as Record<string, unknown>;
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  if (raw === null || typeof raw !== 'object') return { ok: false, problem: 'not a JSON object' };
  const hex = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
  const offset = (v: unknown) => typeof v === 'string' && /^\d{1,19}$/.test(v);
  const bad = [
    raw.format !== CHECKPOINT_FORMAT && 'format',
    typeof raw.topic !== 'string' && 'topic',
    !Number.isInteger(raw.partition) && 'partition',
    !offset(raw.fromOffset) && 'fromOffset',
    !offset(raw.throughOffset) && 'throughOffset',
    !hex(raw.previousLink) && 'previousLink',
    !hex(raw.link) && 'link',
    !(Array.isArray(raw.eventDigests) && raw.eventDigests.every(hex)) && 'eventDigests',
    typeof raw.sealedAt !== 'string' && 'sealedAt',
    typeof raw.keyId !== 'string' && 'keyId',
    typeof raw.signature !== 'string' && 'signature',
  ].filter((field): field is string => field !== false);
  if (bad.length > 0) return { ok: false, problem: `bad or missing ${bad.join(', ')}` };
  return { ok: true, checkpoint: raw as unknown as Checkpoint };
}

/**
 * What is wrong with a checkpoint on its own, or undefined: a signature that does not verify with the
 * named public key, or digests and links that do not add up (link must follow from previousLink and the
 * digests at their offsets). Whether it fits the checkpoints before it is checked by the verifier.
 */
export function checkpointProblem(checkpoint: Checkpoint, keys: PublicKeySet): string | undefined {
  if (!keys.has(checkpoint.keyId)) return `signed by unknown key "${checkpoint.keyId}"`;
  if (!keys.verify(checkpoint.keyId, signedBytes(checkpoint), Buffer.from(checkpoint.signature, 'base64url')))
    return 'signature does not verify';
  const count = BigInt(checkpoint.throughOffset) - BigInt(checkpoint.fromOffset) + 1n;
  if (count !== BigInt(checkpoint.eventDigests.length))
    return `covers ${count} offsets but lists ${checkpoint.eventDigests.length} digests`;
  let link: Buffer = Buffer.from(checkpoint.previousLink, 'hex');
  checkpoint.eventDigests.forEach((digest, i) => {
    link = nextLink(link, checkpoint.partition, String(BigInt(checkpoint.fromOffset) + BigInt(i)), Buffer.from(digest, 'hex'));
  });
  return link.toString('hex') === checkpoint.link ? undefined : 'its link does not follow from its digests';
}
