import { setTimeout as sleep } from 'node:timers/promises';
import { testStack, uniqueName } from './test-stack-env';

/**
 * App environment variables for one integration test file: the running stack's endpoints and a
 * ledger topic, consumer group and database of its own. Pass the same object to every app the test
 * starts so they share that ledger and store.
 */
export function isolatedAppEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const stack = testStack();
  return {
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    MONGO_URL: stack.mongoUrl,
    MONGO_DATABASE: uniqueName('db').replace(/-/g, '_'),
    INGEST_STATE_DATABASE: uniqueName('ingest').replace(/-/g, '_'),
    ...(stack.ferretDbPostgresUrl ? { FERRETDB_POSTGRESQL_URL: stack.ferretDbPostgresUrl } : {}),
    LEDGER_TOPIC: uniqueName('ledger'),
    PROJECTOR_GROUP: uniqueName('projector'),
    LOG_LEVEL: 'warn',
    ...overrides,
  };
}

/** Polls `probe` until it returns a value (not undefined); for effects that arrive through the ledger. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(200);
  }
}
