/** How to reach the ledger. */
export interface KafkaSettings {
  brokers: string[];
  /** Names this process in broker logs and quotas, e.g. `ingest`. */
  clientId: string;
  /** The topic that is the ledger. */
  ledgerTopic: string;
}

/** Partitions of a newly created ledger topic. Subjects hash onto them, so one learner's facts stay in order. */
export const DEFAULT_LEDGER_PARTITIONS = 6;
