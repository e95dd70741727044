import { setTimeout as sleep } from 'node:timers/promises';
import { randomBytes } from 'node:crypto';
import { LOCAL_CLIENTS_FILE, LOCAL_HUB_ADMINS, localClientSecret } from './oidc/local-credentials';
import { testIssuer, testStack, uniqueName } from './test-stack-env';

/**
 * App environment variables for one integration test file: the running stack's endpoints (the OpenID
 * provider's issuer among them) and a ledger topic, consumer group and database of its own. Pass the same object to every app the test
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
    OIDC_ISSUER: testIssuer(),
    INGEST_CLIENTS_FILE: LOCAL_CLIENTS_FILE,
    HUB_ADMINS: LOCAL_HUB_ADMINS.join(','),
    REPORTING_CLIENT_ID: 'reporting',
    REPORTING_CLIENT_SECRET: localClientSecret('reporting'),
    SESSION_SECRET: randomBytes(32).toString('base64url'),
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
