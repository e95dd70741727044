import { createHash } from 'node:crypto';

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A version 5 UUID (RFC 4122 §4.3): SHA-1 of the namespace's 16 bytes followed by the name's UTF-8
 * bytes, truncated to 16 bytes, with the version and variant bits set. The same namespace and name
 * always give the same UUID, which is what makes a redelivered commit produce identical events.
 */
export function nameBasedUuid(namespace: string, name: string): string {
  if (!UUID_TEXT.test(namespace)) throw new Error(`namespace must be a UUID, got "${namespace}"`);
  const digest = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
