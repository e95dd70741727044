import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ReadStore } from '@ledger/read-store';
import { isolatedAppEnv } from '@ledger/test-harness';
import { ledgerForTest } from './ledger-fixtures';

/** What a projection's integration test works with: its own ledger topic and database, and the projector it starts. */
export interface ProjectorTestContext {
  env: Record<string, string>;
  store: ReadStore;
  ledger: Awaited<ReturnType<typeof ledgerForTest>>;
  /** Set by the test when it starts (or restarts) the projector; closed after the file's tests. */
  projector?: { app: NestFastifyApplication; url?: string };
}

/**
 * Registers the file's beforeAll/afterAll: an isolated environment, a writer on its ledger topic and a
 * connection to its database, all closed (with any projector the test started) at the end.
 */
export function useProjectorTestContext(envOverrides: Record<string, string> = {}): ProjectorTestContext {
  const context = {} as ProjectorTestContext;
  beforeAll(async () => {
    context.env = isolatedAppEnv(envOverrides);
    context.ledger = await ledgerForTest(context.env);
    context.store = await ReadStore.connect({ mongoUrl: context.env.MONGO_URL, database: context.env.MONGO_DATABASE });
  });
  afterAll(async () => {
    await context.projector?.app.close();
    await context.ledger.close();
    await context.store.close();
  });
  return context;
}
