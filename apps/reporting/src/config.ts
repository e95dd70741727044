import { resolve } from 'node:path';
import { privateKeyFileProblem } from '@ledger/deployment-key';
import { isKnownTimeZone } from '@ledger/read-store';
import { EnvReader, LOG_LEVELS, LogLevel } from '@ledger/runtime';

export interface ReportingConfig {
  port: number;
  host: string;
  /** The live projector's consumer group, whose watermark says how current the read models are. */
  projectorGroup: string;
  mongoUrl: string;
  database: string;
  logLevel: LogLevel;
  /** The OpenID provider people sign in with, and whose access tokens the API accepts (any OIDC provider). */
  oidcIssuer: string;
  /** Reporting's own client at that provider: it signs people in (code + PKCE) and appends its audit facts (client credentials). */
  clientId: string;
  clientSecret: string;
  /** Where browsers reach reporting; the sign-in callback is `<publicUrl>/auth/callback`. */
  publicUrl: string;
  /** The audience of access tokens for reporting's API, and for ingest (acts, audit facts). */
  audience: string;
  ingestAudience: string;
  /** Ingest, the only writer to the ledger: reporting appends through it. */
  ingestUrl: string;
  /** Encrypts the session cookie (at least 32 characters; a new one signs everyone out). */
  sessionSecret: string;
  /** Users who are hub admins by configuration. */
  hubAdmins: string[];
  /** Requests per minute per client address, before 429. */
  rateLimitPerMinute: number;
  /** The hub's name as certificates and their Open Badges credentials name the issuer. */
  hubName: string;
  /** The deployment's Ed25519 signing key (PKCS#8 PEM), which signs Open Badges credentials; outside production a key is made there if missing. */
  deploymentKey: { file: string; generateIfMissing: boolean };
  reports: ReportsConfig;
}

/** How reports are produced (see report-outputs/). */
export interface ReportsConfig {
  /** IANA time zone of UK dates in reports: date filters, grouping and the times shown. */
  timeZone: string;
  /** Debian's Chromium, which renders PDFs (puppeteer-core never downloads a browser). */
  chromiumPath: string;
  /** Browser pages kept for PDF rendering at most: PDFs beyond this wait for a page. */
  pdfPages: number;
  /** A run over more learners than this is recorded by what it covered rather than by listing every learner. */
  auditMaxListedSubjects: number;
  /** Anonymised counts from 1 to this are suppressed (NHS England's HES rule: 7). */
  suppressionThreshold: number;
}

/** Where a development key is kept when none is configured: the git-ignored folder of local state (the projector uses the same one). */
const DEVELOPMENT_KEY_FILE = '.infra/deployment-key.pem';

/** Reads and checks the reporting app's settings once, at boot. */
export function loadReportingConfig(env: Record<string, string | undefined>): ReportingConfig {
  const read = new EnvReader(env);
  const port = read.port('REPORTING_PORT', 3000);
  const sessionSecret = read.string('SESSION_SECRET');
  if (sessionSecret && sessionSecret.length < 32) read.problem('SESSION_SECRET', 'must be at least 32 characters');
  const production = env.NODE_ENV === 'production';
  const generateIfMissing = !production && !env.DEPLOYMENT_KEY_FILE?.trim();
  const keyFile = read.file('DEPLOYMENT_KEY_FILE', production ? undefined : resolve(DEVELOPMENT_KEY_FILE), (path) =>
    generateIfMissing ? undefined : privateKeyFileProblem(path),
  );
  return read.done({
    port,
    host: read.string('HOST', '127.0.0.1'),
    projectorGroup: read.string('PROJECTOR_GROUP', 'activity-ledger.projector.v1'),
    mongoUrl: read.mongoUrl('MONGO_URL', 'mongodb://127.0.0.1:27017/'),
    database: read.string('MONGO_DATABASE', 'activity_ledger'),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    oidcIssuer: read.url('OIDC_ISSUER', 'http://127.0.0.1:3003'),
    clientId: read.string('REPORTING_CLIENT_ID', 'reporting'),
    clientSecret: read.string('REPORTING_CLIENT_SECRET'),
    publicUrl: read.url('REPORTING_PUBLIC_URL', `http://127.0.0.1:${port}`),
    audience: read.string('REPORTING_AUDIENCE', 'urn:activity-ledger:reporting'),
    ingestAudience: read.string('INGEST_AUDIENCE', 'urn:activity-ledger:ingest'),
    ingestUrl: read.url('INGEST_URL', 'http://127.0.0.1:3001'),
    sessionSecret,
    hubAdmins: read.list('HUB_ADMINS'),
    rateLimitPerMinute: read.int('REPORTING_RATE_LIMIT_PER_MINUTE', 600, { min: 1, max: 1_000_000 }),
    hubName: read.string('HUB_NAME', 'e-Learning Hub'),
    deploymentKey: { file: keyFile, generateIfMissing },
    reports: readReportsConfig(read),
  });
}

function readReportsConfig(read: EnvReader): ReportsConfig {
  const timeZone = read.string('REPORT_TIME_ZONE', 'Europe/London');
  if (!isKnownTimeZone(timeZone)) read.problem('REPORT_TIME_ZONE', `must be an IANA time zone such as Europe/London, got "${timeZone}"`);
  return {
    timeZone,
    chromiumPath: read.string('CHROMIUM_PATH', '/usr/bin/chromium'),
    pdfPages: read.int('REPORT_PDF_PAGES', 2, { min: 1, max: 32 }),
    auditMaxListedSubjects: read.int('AUDIT_MAX_LISTED_SUBJECTS', 10_000, { min: 1, max: 100_000 }),
    suppressionThreshold: read.int('SUPPRESSION_THRESHOLD', 7, { min: 1, max: 100 }),
  };
}
