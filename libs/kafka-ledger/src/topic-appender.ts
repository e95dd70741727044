import { Kafka, Partitioners, Producer } from 'kafkajs';

/**
 * Appends opaque records to one topic and resolves once every in-sync replica has them (idempotent
 * producer, one request in flight, so records land in the order they were appended).
 */
export class TopicAppender {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  async append(key: string, value: Buffer): Promise<void> {
    await this.producer.send({ topic: this.topic, acks: -1, messages: [{ key, value }] });
  }
}
