import { EnvReader, LOG_LEVELS, LogLevel } from '@ledger/runtime';

export interface ReportingConfig {
  port: number;
  host: string;
  /** The live projector's consumer group, whose watermark says how current the read models are. */
  projectorGroup: string;
  mongoUrl: string;
  database: string;
  logLevel: LogLevel;
}

/** Reads and checks the reporting app's settings once, at boot. Reporting reads MongoDB only. */
export function loadReportingConfig(env: Record<string, string | undefined>): ReportingConfig {
  const read = new EnvReader(env);
  return read.done({
    port: read.port('REPORTING_PORT', 3000),
    host: read.string('HOST', '127.0.0.1'),
    projectorGroup: read.string('PROJECTOR_GROUP', 'activity-ledger.projector.v1'),
    mongoUrl: read.mongoUrl('MONGO_URL', 'mongodb://127.0.0.1:27017/'),
    database: read.string('MONGO_DATABASE', 'activity_ledger'),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
  });
}
