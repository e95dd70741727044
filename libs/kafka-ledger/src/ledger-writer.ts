import { CompressionTypes, Kafka, PartitionMetadata, Partitioners, Producer } from 'kafkajs';
import { encodeLedgerEvent, LedgerEvent, LedgerPosition } from '@ledger/events';

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
    const partitions = events.map((event) => this.partitionOf(event.subject));
    const messages = events.map((event, i) => ({
      key: event.subject,
      value: encodeLedgerEvent(event),
      partition: partitions[i],
      headers: { type: event.type, version: String(event.version) },
    }));
    const results = await this.producer.send({ topic: this.topic, acks: -1, compression: CompressionTypes.None, messages });
    const baseOffset = new Map(results.map((r) => [r.partition, BigInt(r.baseOffset ?? '0')]));
    const seen = new Map<number, bigint>();
    return partitions.map((partition) => {
      const index = seen.get(partition) ?? 0n;
      seen.set(partition, index + 1n);
      return { partition, offset: String((baseOffset.get(partition) ?? 0n) + index) };
    });
  }

  private partitionOf(subject: string): number {
    return this.partitioner({ topic: this.topic, partitionMetadata: this.partitionMetadata, message: { key: subject, value: null } });
  }
}
