import { EnvReader, LOG_LEVELS, LogLevel } from '@ledger/runtime';

export interface ProjectorConfig {
  kafkaBrokers: string[];
  ledgerTopic: string;
  /** Consumer group of the live projection; a rebuild uses a fresh one. */
  consumerGroup: string;
  mongoUrl: string;
  database: string;
  /** Port of the small HTTP server for /health. */
  port: number;
  host: string;
  logLevel: LogLevel;
}

/** Reads and checks the projector's settings once, at boot. */
export function loadProjectorConfig(env: Record<string, string | undefined>): ProjectorConfig {
  const read = new EnvReader(env);
  return read.done({
    kafkaBrokers: read.hostPorts('KAFKA_BROKERS', '127.0.0.1:9092'),
    ledgerTopic: read.string('LEDGER_TOPIC', 'activity-ledger.events.v1'),
    consumerGroup: read.string('PROJECTOR_GROUP', 'activity-ledger.projector.v1'),
    mongoUrl: read.mongoUrl('MONGO_URL', 'mongodb://127.0.0.1:27017/'),
    database: read.string('MONGO_DATABASE', 'activity_ledger'),
    port: read.port('PROJECTOR_PORT', 3002),
    host: read.string('HOST', '127.0.0.1'),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
  });
}
