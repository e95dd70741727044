import type { INestApplication } from '@nestjs/common';
import { GRANTS_COLLECTION, GrantsDocument, LEARNER_PROFILES_COLLECTION, LEARNER_PROGRESS_COLLECTION, LearnerProfileDocument, ReadStore } from '@ledger/read-store';
import { eventually, isolatedAppEnv, testIssuer } from '@ledger/test-harness';
import { loadDemoData } from '../../infra/demo/load-demo-data';
import { startIngestForTest } from '../../apps/ingest/src/testing/start-ingest-for-test';
import { startProjectorForTest } from '../../apps/projector/src/testing/start-projector-for-test';
import { startReportingForTest } from '../../apps/reporting/src/testing/start-reporting-for-test';

export interface AccessScenario {
  env: Record<string, string>;
  ingestUrl: string;
  reportingUrl: string;
  store: ReadStore;
  apps: INestApplication[];
  close(): Promise<void>;
}

/**
 * The demo people and their grants (infra/demo, the same data npm start loads), appended through the
 * real ingest with real tokens, projected by the real projector, served by reporting: every kind of
 * viewer and the subjects they may and may not see. Resolves once the last grants are projected.
 */
export async function startAccessScenario(): Promise<AccessScenario> {
  const env = isolatedAppEnv({ REPORTING_RATE_LIMIT_PER_MINUTE: '100000' });
  const ingest = await startIngestForTest(env);
  const projector = await startProjectorForTest(env);
  const reporting = await startReportingForTest({ ...env, INGEST_URL: ingest.url });
  const apps: INestApplication[] = [ingest.app, projector.app, reporting.app];
  await loadDemoData(ingest.url, testIssuer());
  const store = await ReadStore.connect({ mongoUrl: env.MONGO_URL, database: env.MONGO_DATABASE });
  await eventually(async () => {
    const rx9 = await store.db.collection<GrantsDocument>(GRANTS_COLLECTION).findOne({ _id: 'org:RX9' });
    const erin = await store.db.collection<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION).findOne({ _id: 'learner-erin' });
    const ashaProgress = await store.db.collection(LEARNER_PROGRESS_COLLECTION).countDocuments({ learnerId: 'learner-asha' });
    const leadRevoked = rx9?.kind === 'organisation' && rx9.reportingLeads.some((lead) => lead.revokedAt !== null);
    return leadRevoked && erin?.workplace?.odsCode === 'RX9' && ashaProgress === 5 ? true : undefined;
  });
  return {
    env,
    ingestUrl: ingest.url,
    reportingUrl: reporting.url,
    store,
    apps,
    close: async () => {
      await store.close();
      for (const app of [...apps].reverse()) await app.close();
    },
  };
}
