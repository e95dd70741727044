import { MongoNetworkError } from 'mongodb';
import { encodeLedgerEvent } from '@ledger/events';
import type { DeadLetterReason, LedgerMessage } from '@ledger/kafka';
import { createLogger } from '@ledger/runtime';
import type { LedgerBatchReceived } from '../ledger-batch-received';
import { ledgerEvent } from '../testing/projection-test-kit';
import { BatchApplier } from './batch-applier';
import type { Projection } from './projections';

/** A projection that records what it applied and throws `failWith` for events naming `failOnSession`. */
class RecordingProjection implements Projection {
  readonly collections = ['recorded'];
  readonly applied: string[] = [];
  calls = 0;
  constructor(
    private readonly failOnSession: string,
    private readonly failWith: () => Error,
  ) {}
  async handle({ events }: LedgerBatchReceived): Promise<void> {
    this.calls += 1;
    if (events.some(({ event }) => (event.data as { sessionId?: string }).sessionId === this.failOnSession)) throw this.failWith();
    this.applied.push(...events.map(({ event }) => event.eventId));
  }
}

/** Collects dead letters in memory: what the Kafka writer would append. */
class CollectedDeadLetters {
  readonly written: Array<{ offset: string; reason: DeadLetterReason }> = [];
  async write(message: LedgerMessage, reason: DeadLetterReason): Promise<void> {
    this.written.push({ offset: message.offset, reason });
  }
}

const message = (offset: number, sessionId: string) => {
  const event = ledgerEvent('SessionAccessed', 'learner-1', { sessionId, attemptId: 'a', timeSpentSeconds: 5 });
  return { event, message: { topic: 'ledger', partition: 0, offset: String(offset), key: 'learner-1', value: encodeLedgerEvent(event) } };
};

describe('BatchApplier', () => {
  const logger = createLogger('test', 'error');

  it('dead-letters an event whose handler keeps failing, after its attempts, and applies the rest of the batch', async () => {
    const projection = new RecordingProjection('s-bad', () => new TypeError('cannot read properties of undefined'));
    const deadLetters = new CollectedDeadLetters();
    const applier = new BatchApplier([projection], deadLetters, logger, { maxAttempts: 3, backoffMs: 0 });
    const [good1, bad, good2] = [message(10, 's-1'), message(11, 's-bad'), message(12, 's-2')];

    const result = await applier.apply([good1.message, bad.message, good2.message], '');

    expect(projection.applied).toEqual([good1.event.eventId, good2.event.eventId]);
    expect(deadLetters.written).toEqual([{ offset: '11', reason: { consumer: 'projector', attempts: 3, error: expect.stringContaining('cannot read properties') } }]);
    expect(applier.stats.deadLettered).toBe(1);
    // 1 whole-batch try + 3 tries of the bad event + 1 each for the good ones.
    expect(projection.calls).toBe(6);
    expect(result.newestRecordedAt).toBe(good2.event.recordedAt);
  });

  it('rethrows an outage instead of dead-lettering, so Kafka redelivers the batch', async () => {
    const projection = new RecordingProjection('s-1', () => new MongoNetworkError('connection refused'));
    const deadLetters = new CollectedDeadLetters();
    const applier = new BatchApplier([projection], deadLetters, logger, { maxAttempts: 3, backoffMs: 0 });

    await expect(applier.apply([message(1, 's-1').message], '')).rejects.toBeInstanceOf(MongoNetworkError);
    expect(deadLetters.written).toEqual([]);
  });
});
