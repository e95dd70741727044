import { randomUUID } from 'node:crypto';

/** Environment variables through which the global setup tells test workers where the stack is. */
export const TEST_STACK_ENV = {
  kafkaBrokers: 'LEDGER_TEST_KAFKA_BROKERS',
  mongoUrl: 'LEDGER_TEST_MONGO_URL',
  ferretDbPostgresUrl: 'LEDGER_TEST_FERRETDB_POSTGRESQL_URL',
  /** The local OpenID provider's issuer URL. */
  oidcIssuer: 'LEDGER_TEST_OIDC_ISSUER',
} as const;

export interface TestStackEndpoints {
  kafkaBrokers: string[];
  mongoUrl: string;
  /** Set when the store is FerretDB on PostgreSQL (see StackEndpoints). */
  ferretDbPostgresUrl?: string;
}

/** The running test stack, from inside an integration test. */
export function testStack(): TestStackEndpoints {
  const brokers = process.env[TEST_STACK_ENV.kafkaBrokers];
  const mongoUrl = process.env[TEST_STACK_ENV.mongoUrl];
  if (!brokers || !mongoUrl) {
    throw new Error('No test stack: integration tests run through `npm test` (or `npx jest --selectProjects integration`), whose global setup starts it.');
  }
  return { kafkaBrokers: brokers.split(','), mongoUrl, ferretDbPostgresUrl: process.env[TEST_STACK_ENV.ferretDbPostgresUrl] || undefined };
}

/** The issuer URL of the real OpenID provider the global setup started. */
export function testIssuer(): string {
  const issuer = process.env[TEST_STACK_ENV.oidcIssuer];
  if (!issuer) throw new Error('No OpenID provider: integration tests run through `npm test`, whose global setup starts it.');
  return issuer;
}

/** A name no other test uses, for a topic, consumer group or database: tests never share state. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
