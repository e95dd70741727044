import { parseSubmittedEvent, type LedgerEvent } from '@ledger/events';
import { LEARNER_PROFILES_COLLECTION, LEARNER_SESSIONS_COLLECTION, LearnerProfileDocument, LearnerSessionDocument, learnerSessionId } from '@ledger/read-store';
import { createLogger } from '@ledger/runtime';
import { eventually } from '@ledger/test-harness';
import { loadProjectorConfig } from './config';
import { rebuildReadModels } from './rebuild/rebuild-read-models';
import { ledgerEvent } from './testing/projection-test-kit';
import { useProjectorTestContext } from './testing/projector-test-context';
import { startProjectorForTest } from './testing/start-projector-for-test';

/**
 * History written under older, looser rules: events today's ingest refuses are on the ledger. The
 * projector reads them by shape only, applies them, and a replay from offset 0 equals the live run.
 */
describe('events an older rule accepted', () => {
  const ctx = useProjectorTestContext();
  const learner = `imported-learner-${'x'.repeat(280)}`;
  const occurredAt = '2026-06-01T09:00:00.000Z';
  const older: LedgerEvent[] = [
    {
      ...ledgerEvent('SessionAccessed', learner, { sessionId: 's-legacy', attemptId: 'a-1', timeSpentSeconds: 30 * 24 * 3600 }, { occurredAt }),
      // A legacy import: not a UUID, recorded a day before the moment it claims (far past today's skew rule).
      eventId: 'legacy-import-000017',
      recordedAt: '2026-05-31T09:00:00.000Z',
    },
    {
      ...ledgerEvent('SessionCompleted', learner, { sessionId: 's-legacy', attemptId: 'a-1' }, { occurredAt: '2026-06-01T10:00:00.000Z' }),
      // A field an older payload carried and the current class refuses; no reader of today needs it.
      data: { sessionId: 's-legacy', attemptId: 'a-1', completionSource: 'csv-import' },
    },
    ledgerEvent('LearnerRegistered', learner, { givenName: 'G'.repeat(250), familyName: null, email: 'not-an-email', emailIsWorkEmail: false }, { occurredAt }),
  ];

  it('are refused by today\'s ingest rules', () => {
    for (const { recordedAt, source: _source, ...submitted } of older) {
      expect(parseSubmittedEvent(submitted, new Date(recordedAt)).ok).toBe(false);
    }
  });

  it('are applied by the projector, and a rebuild from offset 0 reports no difference', async () => {
    ctx.projector = await startProjectorForTest(ctx.env);
    await ctx.ledger.writer.append(older);
    const session = await eventually(async () => {
      const doc = await ctx.store.db.collection<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION).findOne({ _id: learnerSessionId(learner, 's-legacy') });
      return doc?.accessCount === 1 && doc.status === 'completed' ? doc : undefined;
    });
    expect(session).toMatchObject({ learnerId: learner, timeSpentSeconds: 30 * 24 * 3600 });
    const profile = await eventually(async () => (await ctx.store.db.collection<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION).findOne({ _id: learner })) ?? undefined);
    expect(profile).toMatchObject({ name: { givenName: 'G'.repeat(250), familyName: null }, email: 'not-an-email' });
    const watermark = (await (await fetch(`${ctx.projector.url}/v1/watermark`)).json()) as { deadLettered: number };
    expect(watermark.deadLettered).toBe(0);

    const result = await rebuildReadModels(loadProjectorConfig(ctx.env), createLogger('test', 'warn'), 'verify');
    expect(result.events).toBe(older.length);
    expect(result.differences).toEqual([]);
  });
});
