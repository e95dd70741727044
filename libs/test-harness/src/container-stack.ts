import { GenericContainer, getContainerRuntimeClient, Wait } from 'testcontainers';
import { MongoDBContainer } from '@testcontainers/mongodb';
import { freePort } from './free-port';
import type { RunningStack } from './stack';

export const KAFKA_IMAGE = 'apache/kafka:4.1.1';
export const MONGO_IMAGE = 'mongo:7.0';

/** True when a Docker-compatible engine answers (not merely a `docker` client on PATH). */
export async function containerRuntimeReachable(): Promise<boolean> {
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/**
 * Real Kafka (`apache/kafka`) and MongoDB (`mongo`) images through testcontainers. Kafka advertises the
 * host port it is published on, so that port is chosen before the container starts.
 */
export async function startContainerStack(): Promise<RunningStack> {
  const kafkaPort = await freePort();
  const kafka = await new GenericContainer(KAFKA_IMAGE)
    .withExposedPorts({ container: 9092, host: kafkaPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${kafkaPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_NUM_PARTITIONS: '3',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  const mongo = await new MongoDBContainer(MONGO_IMAGE).start();
  return {
    kind: 'containers',
    kafkaBrokers: [`127.0.0.1:${kafkaPort}`],
    mongoUrl: `${mongo.getConnectionString()}?directConnection=true`,
    stop: async () => {
      await kafka.stop();
      await mongo.stop();
    },
  };
}
