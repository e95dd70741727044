import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { privateKeyFileProblem } from '@ledger/deployment-key';
import { isKnownTimeZone } from '@ledger/read-store';
import { EnvReader, LOG_LEVELS, LogLevel } from '@ledger/runtime';

export interface SealingConfig {
  /** Whether this process runs the sealer (the rebuild never does). */
  enabled: boolean;
  /** Where signed checkpoints go: outside the ledger topic. */
  sealsTopic: string;
  /** The sealer's own consumer group; it never shares the projection's. */
  consumerGroup: string;
  /** A partition's pending events are sealed after this many… */
  everyEvents: number;
  /** …or once the oldest has waited this long, whichever comes first. */
  everyMs: number;
}

export interface ProjectorConfig {
  kafkaBrokers: string[];
  ledgerTopic: string;
  /** Consumer group of the live projection; a rebuild uses a fresh one. */
  consumerGroup: string;
  mongoUrl: string;
  database: string;
  /** Set only for a rebuild: the new generation it fills instead of the live one. */
  rebuildGeneration?: string;
  /** Set only for a replay of the ledger cut at a past position (as of a moment): see ReplayCut. */
  replayCut?: ReplayCut;
  /** Where events that cannot be applied are set aside. */
  deadLetterTopic: string;
  /** Attempts at one event on its own before it is dead-lettered. */
  maxAttempts: number;
  retryBackoffMs: number;
  /** Partitions applied at the same time: a partition busy with poison or a hot document then holds up only itself. */
  partitionConcurrency: number;
  /**
   * Most events applied (and committed) as one slice. Larger slices write each shared document (a
   * session's all-organisations cells, a course's links) once for more events; smaller ones redo less
   * after a crash and isolate poison in fewer halvings.
   */
  sliceSize: number;
  /** How often idle partitions' watermarks are confirmed, so "data complete to" moves on when nothing happens. */
  watermarkCheckMs: number;
  /** FerretDB's PostgreSQL database, through which declared indexes are made effective; unset on MongoDB. */
  ferretDbPostgresUrl?: string;
  sealing: SealingConfig;
  /** The deployment's Ed25519 signing key (PKCS#8 PEM); outside production a key is made there if missing. */
  deploymentKey: { file: string; generateIfMissing: boolean };
  /** For `audit verify-chain`: public keys to check seals with (JWK Set, JWK or PEM); the deployment key's public half when unset. */
  auditPublicKeyFile?: string;
  /** The read models as of a past moment (see the as-of slice). */
  asOf: {
    /** How long a computed as-of generation is kept for reuse before it is dropped. */
    keepMinutes: number;
    /** How far the broker's record timestamps may be from the events' recordedAt; the cut search reads this far either side. */
    clockMarginMs: number;
  };
  /** The job runner that does what auditors ask for (rebuild, verify, as-of). */
  auditJobs: {
    enabled: boolean;
    /** A request the runner meets later than this after it was recorded is not run (a replay of history must not start old jobs). */
    maxWaitMinutes: number;
    pollMs: number;
  };
  /** Port of the small HTTP server for /health and /v1/watermark. */
  port: number;
  host: string;
  logLevel: LogLevel;
  /** IANA zone the anonymised cells group months, quarters and years in (a change needs a rebuild). */
  reportTimeZone: string;
}

/**
 * What a replay as of a past moment applies: per partition, the offsets up to and including
 * `stopAfter` (a partition not listed: none), and of those, when `subjects` is given, only the events
 * about those subjects (the ledger key) or of `alsoFamilies` (a learner's record needs the catalogue too).
 */
export interface ReplayCut {
  stopAfter: ReadonlyMap<number, bigint>;
  subjects?: ReadonlySet<string>;
  alsoFamilies?: ReadonlySet<string>;
}

/** Where a development key is kept when none is configured: the git-ignored folder of local state. */
const DEVELOPMENT_KEY_FILE = '.infra/deployment-key.pem';

/** Reads and checks the projector's settings once, at boot. */
export function loadProjectorConfig(env: Record<string, string | undefined>): ProjectorConfig {
  const read = new EnvReader(env);
  const ledgerTopic = read.string('LEDGER_TOPIC', 'activity-ledger.events.v1');
  const consumerGroup = read.string('PROJECTOR_GROUP', 'activity-ledger.projector.v1');
  const production = env.NODE_ENV === 'production';
  const keyConfigured = Boolean(env.DEPLOYMENT_KEY_FILE?.trim());
  const generateIfMissing = !production && !keyConfigured;
  const keyFile = read.file('DEPLOYMENT_KEY_FILE', production ? undefined : resolve(DEVELOPMENT_KEY_FILE), (path) =>
    generateIfMissing ? undefined : privateKeyFileProblem(path),
  );
  const auditKeyFile = env.AUDIT_PUBLIC_KEY_FILE?.trim() ? read.file('AUDIT_PUBLIC_KEY_FILE', undefined, (path) => (existsSync(path) ? undefined : `"${path}" does not exist`)) : undefined;
  return read.done({
    kafkaBrokers: read.hostPorts('KAFKA_BROKERS', '127.0.0.1:9092'),
    ledgerTopic,
    deadLetterTopic: read.string('DEAD_LETTER_TOPIC', `${ledgerTopic}.dead-letter`),
    maxAttempts: read.int('PROJECTOR_MAX_ATTEMPTS', 3, { min: 1, max: 100 }),
    retryBackoffMs: read.int('PROJECTOR_RETRY_BACKOFF_MS', 50, { min: 0, max: 60_000 }),
    partitionConcurrency: read.int('PROJECTOR_PARTITION_CONCURRENCY', 3, { min: 1, max: 64 }),
    sliceSize: read.int('PROJECTOR_SLICE_SIZE', 2_000, { min: 1, max: 10_000 }),
    watermarkCheckMs: read.int('PROJECTOR_WATERMARK_CHECK_MS', 5_000, { min: 100, max: 600_000 }),
    ferretDbPostgresUrl: read.optionalPostgresUrl('FERRETDB_POSTGRESQL_URL'),
    reportTimeZone: readTimeZone(read),
    consumerGroup,
    mongoUrl: read.mongoUrl('MONGO_URL', 'mongodb://127.0.0.1:27017/'),
    database: read.string('MONGO_DATABASE', 'activity_ledger'),
    sealing: {
      enabled: read.oneOf('SEALER_ENABLED', ['true', 'false'] as const, 'true') === 'true',
      sealsTopic: read.string('SEALS_TOPIC', `${ledgerTopic}.seals`),
      consumerGroup: read.string('SEALER_GROUP', `${consumerGroup}.sealer`),
      // A checkpoint lists every digest it seals (65 bytes each in JSON), so 5 000 keeps it far below Kafka's 1 MB record limit.
      everyEvents: read.int('SEAL_EVERY_EVENTS', 1000, { min: 1, max: 5000 }),
      everyMs: read.int('SEAL_EVERY_MS', 5000, { min: 50, max: 3_600_000 }),
    },
    deploymentKey: { file: keyFile, generateIfMissing },
    asOf: {
      keepMinutes: read.int('AS_OF_KEEP_MINUTES', 1440, { min: 1, max: 525_600 }),
      clockMarginMs: read.int('AS_OF_CLOCK_MARGIN_MS', 60_000, { min: 0, max: 86_400_000 }),
    },
    auditJobs: {
      enabled: read.oneOf('AUDIT_JOBS_ENABLED', ['true', 'false'] as const, 'true') === 'true',
      maxWaitMinutes: read.int('AUDIT_JOB_MAX_WAIT_MINUTES', 60, { min: 1, max: 10_080 }),
      pollMs: read.int('AUDIT_JOB_POLL_MS', 1_000, { min: 50, max: 60_000 }),
    },
    auditPublicKeyFile: auditKeyFile,
    port: read.port('PROJECTOR_PORT', 3002),
    host: read.string('HOST', '127.0.0.1'),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
  });
}

/** The zone reports group by: the same variable reporting reads, so both agree on which month an event is in. */
function readTimeZone(read: EnvReader): string {
  const zone = read.string('REPORT_TIME_ZONE', 'Europe/London');
  if (!isKnownTimeZone(zone)) read.problem('REPORT_TIME_ZONE', `must be an IANA time zone such as Europe/London, got "${zone}"`);
  return zone;
}
