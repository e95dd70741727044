import { Kafka, Partitioners, Producer } from 'kafkajs';
import type { LedgerMessage } from './ledger-consumer';

/** The dead-letter topic of a ledger topic. */
export function deadLetterTopicOf(ledgerTopic: string): string {
  return `${ledgerTopic}.dead-letter`;
}

/** Why a message was set aside, carried as headers beside its original bytes. */
export interface DeadLetterReason {
  /** Which consumer gave up on it, e.g. `projector`. */
  consumer: string;
  error: string;
  attempts: number;
}

/**
 * Sets a ledger message that cannot be applied aside, with its original key and bytes untouched and
 * headers saying where it came from and why, so the partition can move on and someone can look later.
 */
export class DeadLetterWriter {
  private readonly producer: Producer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
  ) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  async write(message: LedgerMessage, reason: DeadLetterReason): Promise<void> {
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            'source-topic': message.topic,
            'source-partition': String(message.partition),
            'source-offset': message.offset,
            consumer: reason.consumer,
            error: reason.error.slice(0, 4000),
            attempts: String(reason.attempts),
            'dead-lettered-at': new Date().toISOString(),
          },
        },
      ],
    });
  }
}
