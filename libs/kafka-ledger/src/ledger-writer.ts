import { CompressionTypes, Kafka, PartitionMetadata, Partitioners, Producer } from 'kafkajs';
import { encodeLedgerEvent, LedgerEvent, LedgerPosition } from '@ledger/events';

/**
 * The largest encoded event the ledger takes. A broker refuses a record batch over `message.max.bytes`
 * (1 MB by default) for one partition, so every append is cut into sends under that and a single event
 * must fit with room for the batch's own overhead. Ingest refuses a bigger event as too large.
 */
export const MAX_LEDGER_EVENT_BYTES = 900 * 1024;

/**
 * The only code that appends to the ledger. The producer is idempotent and every send waits for all
 * in-sync replicas (acks = -1), so a resolved `append` means the broker has the events durably.
 */
export class LedgerWriter {
  private readonly producer: Producer;
  private readonly partitioner = Partitioners.DefaultPartitioner();
  /** The topic's partitions in the shape the partitioner reads; fetched once at connect. */
  private partitionMetadata: PartitionMetadata[] = [];

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 5,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [this.topic] });
      this.partitionMetadata = (metadata.topics[0]?.partitions ?? []).map(({ partitionId, leader }) => ({ partitionId, leader, partitionErrorCode: 0, replicas: [], isr: [] }));
    } finally {
      await admin.disconnect();
    }
    if (this.partitionMetadata.length === 0) throw new Error(`ledger topic "${this.topic}" has no partitions`);
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  /** Nest calls this when the ingest app shuts down, after in-flight requests have drained. */
  async onApplicationShutdown(): Promise<void> {
    await this.disconnect();
  }

  /**
   * Appends events keyed by subject and returns each one's position, in input order. The partition is
   * chosen here (same murmur2 hash the broker clients use) so each offset can be derived from the
   * partition's base offset.
   */
  async append(events: LedgerEvent[]): Promise<LedgerPosition[]> {
    const messages = events.map((event) => ({
      key: event.subject,
      value: encodeLedgerEvent(event),
      partition: this.partitionOf(event.subject),
      headers: { type: event.type, version: String(event.version) },
    }));
    const positions: LedgerPosition[] = [];
    // In order, one send after the other: a subject's events keep their order on its partition.
    for (const send of cutUnder(messages, MAX_LEDGER_EVENT_BYTES)) positions.push(...(await this.sendInOne(send)));
    return positions;
  }

  private async sendInOne(messages: Array<{ partition: number; value: Buffer }>): Promise<LedgerPosition[]> {
    const results = await this.producer.send({ topic: this.topic, acks: -1, compression: CompressionTypes.None, messages });
    const baseOffset = new Map(results.map((r) => [r.partition, BigInt(r.baseOffset ?? '0')]));
    const seen = new Map<number, bigint>();
    return messages.map(({ partition }) => {
      const index = seen.get(partition) ?? 0n;
      seen.set(partition, index + 1n);
      return { partition, offset: String((baseOffset.get(partition) ?? 0n) + index) };
    });
  }

  private partitionOf(subject: string): number {
    return this.partitioner({ topic: this.topic, partitionMetadata: this.partitionMetadata, message: { key: subject, value: null } });
  }
}

/** Consecutive runs of messages whose values add up to at most `maxBytes` (a bigger single message goes alone). */
function cutUnder<M extends { value: Buffer }>(messages: M[], maxBytes: number): M[][] {
  const sends: M[][] = [];
  let current: M[] = [];
  let bytes = 0;
  for (const message of messages) {
    if (current.length > 0 && bytes + message.value.length > maxBytes) {
      sends.push(current);
      [current, bytes] = [[], 0];
    }
    current.push(message);
    bytes += message.value.length;
  }
  if (current.length > 0) sends.push(current);
  return sends;
}
