import { EnvReader, LOG_LEVELS, LogLevel } from '@ledger/runtime';

export interface ProjectorConfig {
  kafkaBrokers: string[];
  ledgerTopic: string;
  /** Consumer group of the live projection; a rebuild uses a fresh one. */
  consumerGroup: string;
  mongoUrl: string;
  database: string;
  /** Set only for a rebuild: the new generation it fills instead of the live one. */
  rebuildGeneration?: string;
  /** Where events that cannot be applied are set aside. */
  deadLetterTopic: string;
  /** Attempts at one event on its own before it is dead-lettered. */
  maxAttempts: number;
  retryBackoffMs: number;
  /** Partitions applied at the same time: a partition busy with poison or a hot document then holds up only itself. */
  partitionConcurrency: number;
  /** How often idle partitions' watermarks are confirmed, so "data complete to" moves on when nothing happens. */
  watermarkCheckMs: number;
  /** FerretDB's PostgreSQL database, through which declared indexes are made effective; unset on MongoDB. */
  ferretDbPostgresUrl?: string;
  /** Port of the small HTTP server for /health and /v1/watermark. */
  port: number;
  host: string;
  logLevel: LogLevel;
}

/** Reads and checks the projector's settings once, at boot. */
export function loadProjectorConfig(env: Record<string, string | undefined>): ProjectorConfig {
  const read = new EnvReader(env);
  const ledgerTopic = read.string('LEDGER_TOPIC', 'activity-ledger.events.v1');
  return read.done({
    kafkaBrokers: read.hostPorts('KAFKA_BROKERS', '127.0.0.1:9092'),
    ledgerTopic,
    deadLetterTopic: read.string('DEAD_LETTER_TOPIC', `${ledgerTopic}.dead-letter`),
    maxAttempts: read.int('PROJECTOR_MAX_ATTEMPTS', 3, { min: 1, max: 100 }),
    retryBackoffMs: read.int('PROJECTOR_RETRY_BACKOFF_MS', 50, { min: 0, max: 60_000 }),
    partitionConcurrency: read.int('PROJECTOR_PARTITION_CONCURRENCY', 3, { min: 1, max: 64 }),
    watermarkCheckMs: read.int('PROJECTOR_WATERMARK_CHECK_MS', 5_000, { min: 100, max: 600_000 }),
    ferretDbPostgresUrl: read.optionalPostgresUrl('FERRETDB_POSTGRESQL_URL'),
    consumerGroup: read.string('PROJECTOR_GROUP', 'activity-ledger.projector.v1'),
    mongoUrl: read.mongoUrl('MONGO_URL', 'mongodb://127.0.0.1:27017/'),
    database: read.string('MONGO_DATABASE', 'activity_ledger'),
    port: read.port('PROJECTOR_PORT', 3002),
    host: read.string('HOST', '127.0.0.1'),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
  });
}
