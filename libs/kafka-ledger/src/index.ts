export * from './kafka-settings';
export * from './kafka-client';
export * from './ensure-ledger-topic';
export * from './ledger-writer';
export * from './ledger-consumer';
export * from './ledger-probe';
export * from './read-ledger';
export * from './dead-letter-writer';
