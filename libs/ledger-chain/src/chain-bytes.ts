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
const NULL_LENGTH = 0xffffffff;

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
  const name = Buffer.from(topic, 'utf8');
  return sha256(GENESIS_TAG.length + 4 + name.length + 4, (out) => out.bytes(GENESIS_TAG).field(name).u32(partition));
}

/** The digest of one record's content (key, value, headers), independent of its position. */
export function recordDigest(record: Pick<ChainRecord, 'key' | 'value' | 'headers'>): Buffer {
  const headers = inNameOrder(record.headers);
  const size =
    EVENT_TAG.length +
    fieldSize(record.key) +
    fieldSize(record.value) +
    4 +
    headers.reduce((n, [name, value]) => n + 8 + name.length + (value?.length ?? 0), 0);
  return sha256(size, (out) => {
    out.bytes(EVENT_TAG).field(record.key).field(record.value).u32(headers.length);
    for (const [name, value] of headers) out.field(name).field(value);
  });
}

/** link(n) from link(n-1) and record n's partition, offset and digest. */
export function nextLink(previous: Buffer, partition: number, offset: string, digest: Buffer): Buffer {
  return sha256(LINK_TAG.length + 32 + 4 + 8 + 32, (out) => out.bytes(LINK_TAG).bytes(previous).u32(partition).u64(offset).bytes(digest));
}

/**
 * Writes the bytes to hash into one reused buffer and hashes them in one call: the chain hashes twice
 * per event, so building a hash object and many small buffers per event is what would cost the most.
 */
class ByteWriter {
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private at = 0;

  start(size: number): this {
    if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(size);
    this.at = 0;
    return this;
  }

  bytes(value: Buffer): this {
    this.at += value.copy(this.buffer, this.at);
    return this;
  }

  u32(n: number): this {
    this.at = this.buffer.writeUInt32BE(n, this.at);
    return this;
  }

  u64(decimal: string): this {
    this.at = this.buffer.writeBigUInt64BE(BigInt(decimal), this.at);
    return this;
  }

  /** bytes(b) of the layout: its length, then it; a null is the length FF FF FF FF alone. */
  field(value: Buffer | null): this {
    return value === null ? this.u32(NULL_LENGTH) : this.u32(value.length).bytes(value);
  }

  written(): Buffer {
    return this.buffer.subarray(0, this.at);
  }
}

const writer = new ByteWriter();

function sha256(size: number, write: (out: ByteWriter) => void): Buffer {
  write(writer.start(size));
  return createHash('sha256').update(writer.written()).digest();
}

function fieldSize(value: Buffer | null): number {
  return 4 + (value?.length ?? 0);
}

function tag(text: string): Buffer {
  return Buffer.concat([Buffer.from(text, 'ascii'), Buffer.from([0])]);
}

/** Headers with UTF-8 names, ordered by the bytes of their names, repeated names in arrival order (already so for the ledger's own). */
function inNameOrder(headers: Array<[string, Buffer | null]>): Array<[Buffer, Buffer | null]> {
  const named = headers.map(([name, value]): [Buffer, Buffer | null] => [Buffer.from(name, 'utf8'), value]);
  if (named.every(([name], i) => i === 0 || Buffer.compare(named[i - 1][0], name) <= 0)) return named;
  return named
    .map((header, i) => ({ header, i }))
    .sort((a, b) => Buffer.compare(a.header[0], b.header[0]) || a.i - b.i)
    .map(({ header }) => header);
}
