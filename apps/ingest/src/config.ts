import { ClientRegistry, EnvReader, LOG_LEVELS, LogLevel, readClientRegistry } from '@ledger/runtime';

export interface IngestConfig {
  port: number;
  host: string;
  kafkaBrokers: string[];
  ledgerTopic: string;
  /** The live projector's consumer group, whose watermark says how current read models are. */
  projectorGroup: string;
  mongoUrl: string;
  database: string;
  /** FerretDB's PostgreSQL database, through which declared indexes are made effective; unset on MongoDB. */
  ferretDbPostgresUrl?: string;
  /**
   * Ingest's own records (eventId claims and where each event landed), on the same server but apart
   * from the read models: a rebuild may drop every read model, and 409 detection must survive it.
   */
  stateDatabase: string;
  /** Largest request body in bytes (a full batch of 1000 events fits well within the default). */
  bodyLimitBytes: number;
  logLevel: LogLevel;
  /** The OpenID provider whose access tokens ingest accepts (any provider issuing JWT access tokens). */
  oidcIssuer: string;
  /** The audience an access token must name to be accepted here. */
  audience: string;
  /** The registered clients: which event families each may append, and xAPI Basic keys. */
  clients: ClientRegistry;
  /** Users who are hub admins by configuration, so a new deployment has someone to grant the first rights. */
  hubAdmins: string[];
}

/** Reads and checks the ingest app's settings once, at boot. */
export function loadIngestConfig(env: Record<string, string | undefined>): IngestConfig {
  const read = new EnvReader(env);
  const clientsFile = read.string('INGEST_CLIENTS_FILE', 'config/clients.local.json');
  const { registry, problems } = readClientRegistry(clientsFile);
  problems.forEach((problem) => read.problem('INGEST_CLIENTS_FILE', problem));
  return read.done({
    port: read.port('INGEST_PORT', 3001),
    host: read.string('HOST', '127.0.0.1'),
    kafkaBrokers: read.hostPorts('KAFKA_BROKERS', '127.0.0.1:9092'),
    ledgerTopic: read.string('LEDGER_TOPIC', 'activity-ledger.events.v1'),
    projectorGroup: read.string('PROJECTOR_GROUP', 'activity-ledger.projector.v1'),
    mongoUrl: read.mongoUrl('MONGO_URL', 'mongodb://127.0.0.1:27017/'),
    database: read.string('MONGO_DATABASE', 'activity_ledger'),
    ferretDbPostgresUrl: read.optionalPostgresUrl('FERRETDB_POSTGRESQL_URL'),
    stateDatabase: read.string('INGEST_STATE_DATABASE', 'activity_ledger_ingest'),
    bodyLimitBytes: read.int('INGEST_BODY_LIMIT_BYTES', 5 * 1024 * 1024, { min: 1024, max: 64 * 1024 * 1024 }),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    oidcIssuer: read.url('OIDC_ISSUER', 'http://127.0.0.1:3003'),
    audience: read.string('INGEST_AUDIENCE', 'urn:activity-ledger:ingest'),
    clients: registry,
    hubAdmins: read.list('HUB_ADMINS'),
  });
}
