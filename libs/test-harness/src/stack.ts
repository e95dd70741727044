/** Where the services of a running stack can be reached. */
export interface StackEndpoints {
  /** `host:port` of each Kafka broker. */
  kafkaBrokers: string[];
  /** A MongoDB connection string (FerretDB locally, the `mongo` image in containers). */
  mongoUrl: string;
}

export type InfraKind = 'local' | 'containers';

/** A stack this process started and so must stop. */
export interface RunningStack extends StackEndpoints {
  kind: InfraKind;
  stop(): Promise<void>;
}
