import { Partitioners } from 'kafkajs';
import { encodeLedgerEvent } from '@ledger/events';
import { deadLetterTopicOf, readLedgerToEnd } from '@ledger/kafka';
import { LEARNER_SESSIONS_COLLECTION, LearnerSessionDocument } from '@ledger/read-store';
import { uniqueName } from '@ledger/test-harness';
import { accessedEvent } from '../testing/ledger-fixtures';
import { useProjectorTestContext } from '../testing/projector-test-context';
import { startProjectorForTest } from '../testing/start-projector-for-test';
import { waitUntilProjected } from '../testing/wait-until-projected';

/**
 * 200 poison messages among 2 000 good events, on every partition: each is set aside once, every
 * good event is applied, and the consumer stays in its group throughout (no rebalance: slices are
 * short and heartbeats go on during long work).
 */
describe('poison among good events', () => {
  const ctx = useProjectorTestContext({ PROJECTOR_RETRY_BACKOFF_MS: '10' });

  it('sets each poison message aside once, applies every good event, and never leaves the group', async () => {
    const learners = Array.from({ length: 200 }, () => uniqueName('learner'));
    const poisonKinds = [
      () => '{"not": "an event"',
      (learner: string) => JSON.stringify({ ...accessedEvent(learner, 's-1', 5), type: 'SessionTeleported' }),
      (learner: string) => JSON.stringify({ ...accessedEvent(learner, 's-1', 5), data: { sessionId: 's-1' } }),
      (learner: string) => JSON.stringify({ ...accessedEvent(learner, 's-1', 5), recordedAt: 'yesterday' }),
    ];
    const messages = learners.flatMap((learner, l) => [
      ...Array.from({ length: 10 }, (_, i) => ({ key: learner, value: encodeLedgerEvent(accessedEvent(learner, `s-${i % 3}`, 1)) })),
      { key: learner, value: Buffer.from(poisonKinds[l % poisonKinds.length](learner)) },
    ]);
    const raw = ctx.ledger.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await raw.connect();
    for (let i = 0; i < messages.length; i += 500) await raw.send({ topic: ctx.env.LEDGER_TOPIC, acks: -1, messages: messages.slice(i, i + 500) });
    await raw.disconnect();

    ctx.projector = await startProjectorForTest(ctx.env);
    await waitUntilProjected(ctx.env, ctx.ledger.kafka);

    const sessions = await ctx.store.db.collection<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION).find({}, { batchSize: 1_000 }).toArray();
    expect(sessions.reduce((n, doc) => n + doc.accessCount, 0)).toBe(2_000);
    expect(sessions).toHaveLength(600);
    const deadLettered = await readLedgerToEnd(ctx.ledger.kafka, deadLetterTopicOf(ctx.env.LEDGER_TOPIC));
    expect(deadLettered).toHaveLength(200);
    expect(new Set(deadLettered.map((m) => `${m.headers?.['source-partition']}:${m.headers?.['source-offset']}`)).size).toBe(200);
    const watermark = (await (await fetch(`${ctx.projector.url}/v1/watermark`)).json()) as { deadLettered: number; consumerGroupJoins: number };
    expect(watermark).toMatchObject({ deadLettered: 200, consumerGroupJoins: 1 });
  });
});
