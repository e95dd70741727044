import { resolve } from 'node:path';
import { startStack } from '../start-stack';
import { TEST_STACK_ENV } from '../test-stack-env';
import { startTestIdentity } from './test-identity';

/** Starts one real stack for the whole integration run and hands its endpoints to the workers through the environment. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const stack = await startStack({
    rootDir: resolve(__dirname, '../../../..'),
    runName: `test-${process.pid}`,
    requested: process.env.TEST_INFRA,
    onServiceCrash: (message) => process.stderr.write(`\n[test stack] ${message}\n`),
  });
  (globalThis as { __LEDGER_STACK__?: unknown }).__LEDGER_STACK__ = stack;
  process.env[TEST_STACK_ENV.kafkaBrokers] = stack.kafkaBrokers.join(',');
  process.env[TEST_STACK_ENV.mongoUrl] = stack.mongoUrl;
  if (stack.ferretDbPostgresUrl) process.env[TEST_STACK_ENV.ferretDbPostgresUrl] = stack.ferretDbPostgresUrl;
  const identityIssuer = await startTestIdentity(resolve(__dirname, '../../../..'));
  process.stdout.write(
    `\n[test stack] ${stack.kind === 'local' ? 'local processes: Apache Kafka (KRaft) + FerretDB on PostgreSQL' : 'containers: apache/kafka + mongo'} ` +
      `up in ${Date.now() - started} ms — kafka ${stack.kafkaBrokers.join(',')}, store ${stack.mongoUrl}, OpenID provider ${identityIssuer}\n`,
  );
}
