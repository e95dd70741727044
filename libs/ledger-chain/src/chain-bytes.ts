import { createHash } from 'node:crypto';

/**
 * The hash chain's byte layout, version 1. Everything a link commits to is listed here and nowhere
 * else; the README repeats it for auditors, and chain-bytes.unit.spec.ts pins it with test vectors.
 *
 *   u32(n), u64(n)  n as an unsigned big-endian integer of 4 or 8 bytes
 *   bytes(b)        u32 length of b, then b; a missing (null) b is the four bytes FF FF FF FF and nothing else
 *   tag(t)          the ASCII text t, then one 00 byte (so no layout can be read as another)
 *
 *   genesis(topic, partition) = SHA-256( tag("activity-ledger chain v1 genesis") · bytes(topic as UTF-8) · u32(partition) )
 *
 *   digest(record) = SHA-256( tag("activity-ledger chain v1 event")
 *                             · bytes(key) · bytes(value)
 *                             · u32(number of headers) · for each header: bytes(name as UTF-8) · bytes(value) )
 *       headers in order of name (byte order of the UTF-8 name); a name that occurs more than once keeps
 *       its values in the order the broker returns them.
 *
 *   link(n) = SHA-256( tag("activity-ledger chain v1 link") · link(n-1) · u32(partition) · u64(offset of n) · digest(n) )
 *       with link(-1) = genesis(topic, partition): each partition is its own chain.
 *
 * Why the record's digest sits inside the link instead of its bytes: a checkpoint lists the digest of
 * every event it seals, and because a digest does not depend on where the event sits, a verifier can
 * tell an altered event from one that was moved, inserted or removed. The link still commits to every
 * byte of key, value and headers, through the digest. The Kafka record timestamp is left out on
 * purpose: the fact's time is `recordedAt` inside the value, and a timestamp is not a fact a broker
 * migration must keep.
 */
export const CHAIN_VERSION = 1;

const GENESIS_TAG = tag('activity-ledger chain v1 genesis');
const EVENT_TAG = tag('activity-ledger chain v1 event');
const LINK_TAG = tag('activity-ledger chain v1 link');
const NULL_LENGTH = Buffer.from([0xff, 0xff, 0xff, 0xff]);

/** A ledger record exactly as the broker holds it: what the chain covers. */
export interface ChainRecord {
  partition: number;
  /** Kafka offsets are 64-bit; a decimal string, as everywhere in the ledger. */
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  /** Header name and value pairs in the order the broker returned them; names may repeat. */
  headers: Array<[string, Buffer | null]>;
}

/** link(-1) of a partition: fixed by the topic's name and the partition's number. */
export function genesisLink(topic: string, partition: number): Buffer {
  return createHash('sha256').update(GENESIS_TAG).update(bytes(Buffer.from(topic, 'utf8'))).update(u32(partition)).digest();
}

/** The digest of one record's content (key, value, headers), independent of its position. */
export function recordDigest(record: Pick<ChainRecord, 'key' | 'value' | 'headers'>): Buffer {
  const hash = createHash('sha256').update(EVENT_TAG).update(bytes(record.key)).update(bytes(record.value));
  const headers = record.headers
    .map(([name, value], arrival) => ({ name: Buffer.from(name, 'utf8'), value, arrival }))
    .sort((a, b) => Buffer.compare(a.name, b.name) || a.arrival - b.arrival);
  hash.update(u32(headers.length));
  for (const header of headers) hash.update(bytes(header.name)).update(bytes(header.value));
  return hash.digest();
}

/** link(n) from link(n-1) and record n's partition, offset and digest. */
export function nextLink(previous: Buffer, partition: number, offset: string, digest: Buffer): Buffer {
  return createHash('sha256').update(LINK_TAG).update(previous).update(u32(partition)).update(u64(offset)).update(digest).digest();
}

function tag(text: string): Buffer {
  return Buffer.concat([Buffer.from(text, 'ascii'), Buffer.from([0])]);
}

function u32(n: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(n);
  return buffer;
}

function u64(decimal: string): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(decimal));
  return buffer;
}

function bytes(value: Buffer | null): Buffer {
  return value === null ? NULL_LENGTH : Buffer.concat([u32(value.length), value]);
}
