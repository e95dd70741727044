/** Where the services of a running stack can be reached. */
export interface StackEndpoints {
  /** `host:port` of each Kafka broker. */
  kafkaBrokers: string[];
  /** A MongoDB connection string (FerretDB locally, the `mongo` image in containers). */
  mongoUrl: string;
  /**
   * Locally, where the store is FerretDB on PostgreSQL: FerretDB's PostgreSQL database, through which
   * the apps make declared indexes effective. Absent with the `mongo` image.
   */
  ferretDbPostgresUrl?: string;
}

export type InfraKind = 'local' | 'containers';

/** A stack this process started and so must stop. */
export interface RunningStack extends StackEndpoints {
  kind: InfraKind;
  stop(): Promise<void>;
}
