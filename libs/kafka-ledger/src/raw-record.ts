import type { IHeaders, KafkaMessage } from 'kafkajs';

/**
 * A record exactly as the broker holds it: key, value and headers as bytes, nothing decoded. For the
 * code that must see every byte (the hash chain); projections use LedgerMessage.
 */
export interface RawLedgerRecord {
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  /** Header name and value pairs in the order the broker returned them; a name may repeat. */
  headers: Array<[string, Buffer | null]>;
}

export function toRawRecord(partition: number, message: KafkaMessage): RawLedgerRecord {
  return {
    partition,
    offset: message.offset,
    key: message.key ?? null,
    value: message.value ?? null,
    headers: headerPairs(message.headers),
  };
}

/** kafkajs gives headers as an object, with an array for a name that occurs more than once. */
function headerPairs(headers: IHeaders | undefined): Array<[string, Buffer | null]> {
  const pairs: Array<[string, Buffer | null]> = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) {
      pairs.push([name, one === undefined || one === null ? null : Buffer.isBuffer(one) ? one : Buffer.from(one, 'utf8')]);
    }
  }
  return pairs;
}
