import { setTimeout as sleep } from 'node:timers/promises';
import { MongoNetworkError } from 'mongodb';
import { encodeLedgerEvent, PositionedEvent } from '@ledger/events';
import type { LedgerMessage } from '@ledger/kafka';
import { createLogger } from '@ledger/runtime';
import type { LedgerBatchReceived } from '../ledger-batch-received';
import { ledgerEvent } from '../testing/projection-test-kit';
import { BatchApplier, BatchApplierPorts } from './batch-applier';
import type { Projection } from './projections';
import type { SetAsideReason } from './set-aside';

/** A projection that records what it applied and throws `failWith` for events naming `failOnSession`. */
class RecordingProjection implements Projection {
  readonly readModels = [];
  readonly applied: string[] = [];
  calls = 0;
  constructor(
    private readonly failOnSession: string,
    private readonly failWith: () => Error,
    private readonly delayMs = 0,
  ) {}
  async handle({ events }: LedgerBatchReceived): Promise<void> {
    this.calls += 1;
    if (this.delayMs) await sleep(this.delayMs);
    if (events.some(({ event }) => (event.data as { sessionId?: string }).sessionId === this.failOnSession)) throw this.failWith();
    for (const { event } of events) if (!this.applied.includes(event.eventId)) this.applied.push(event.eventId);
  }
}

/** What the projector would record and dead-letter, in memory; every event a first copy unless told otherwise. */
function ports(secondCopies: string[] = []): BatchApplierPorts & { setAsideOffsets: string[]; reasons: SetAsideReason[] } {
  const setAsideOffsets: string[] = [];
  const reasons: SetAsideReason[] = [];
  return {
    setAsideOffsets,
    reasons,
    firstCopies: async <E extends PositionedEvent>(events: readonly E[]) => events.filter((e) => !secondCopies.includes(e.position.offset)),
    setAside: async (message: LedgerMessage, why: SetAsideReason) => {
      setAsideOffsets.push(message.offset);
      reasons.push(why);
    },
  };
}

const message = (offset: number, sessionId: string) => {
  const event = ledgerEvent('SessionAccessed', 'learner-1', { sessionId, attemptId: 'a', timeSpentSeconds: 5 });
  return { event, message: { topic: 'ledger', partition: 0, offset: String(offset), key: 'learner-1', value: encodeLedgerEvent(event) } };
};
const options = { maxAttempts: 3, backoffMs: 0, retriableAttempts: 3 };

describe('BatchApplier', () => {
  const logger = createLogger('test', 'error');

  it('sets aside an event a projection keeps failing on, after its attempts, and applies the rest in order', async () => {
    const projection = new RecordingProjection('s-bad', () => new TypeError('cannot read properties of undefined'));
    const port = ports();
    const applier = new BatchApplier([projection], port, logger, options);
    const [good1, bad, good2] = [message(10, 's-1'), message(11, 's-bad'), message(12, 's-2')];

    const result = await applier.apply([good1.message, bad.message, good2.message], '');

    expect(projection.applied).toEqual([good1.event.eventId, good2.event.eventId]);
    expect(port.setAsideOffsets).toEqual(['11']);
    expect(port.reasons[0]).toMatchObject({ reason: 'unapplicable', eventId: bad.event.eventId, attempts: 3, error: expect.stringContaining('cannot read properties') });
    expect(result.newestRecordedAt).toBe(good2.event.recordedAt);
  });

  it('narrows a failing slice down by halves, so a few poison events among many cost few tries', async () => {
    const projection = new RecordingProjection('s-bad', () => new TypeError('poison'));
    const port = ports();
    const applier = new BatchApplier([projection], port, logger, options);
    const messages = Array.from({ length: 256 }, (_, i) => message(i, i === 37 || i === 200 ? 's-bad' : `s-${i}`));

    await applier.apply(messages.map((m) => m.message), '');

    expect(port.setAsideOffsets).toEqual(['37', '200']);
    expect(projection.applied).toHaveLength(254);
    // One-by-one would be 256 + 2×2 tries; halving needs about 2 × 2 × log2(256).
    expect(projection.calls).toBeLessThan(50);
  });

  it('sets aside bytes that are not an event at once, without trying any projection', async () => {
    const projection = new RecordingProjection('none', () => new Error('unused'));
    const port = ports();
    const applier = new BatchApplier([projection], port, logger, options);
    const garbage: LedgerMessage = { topic: 'ledger', partition: 0, offset: '5', key: 'k', value: Buffer.from('{"not json') };

    await applier.apply([garbage, message(6, 's-1').message], '');

    expect(port.setAsideOffsets).toEqual(['5']);
    expect(port.reasons[0]).toMatchObject({ reason: 'undecodable', eventId: null, attempts: 1 });
    expect(projection.applied).toHaveLength(1);
  });

  it('drops second copies of an event before any projection sees them', async () => {
    const projection = new RecordingProjection('none', () => new Error('unused'));
    const applier = new BatchApplier([projection], ports(['8']), logger, options);
    const [first, copy] = [message(7, 's-1'), message(8, 's-1')];

    await applier.apply([first.message, copy.message], '');

    expect(projection.applied).toEqual([first.event.eventId]);
  });

  it('does not retry while another projection is still writing', async () => {
    let slowWrites = 0;
    let retriedDuringAWrite = false;
    const failing: Projection = {
      readModels: [],
      handle: async ({ events }) => {
        // Listed first: in a fresh round the slow projection has not started yet.
        if (slowWrites > 0) retriedDuringAWrite = true;
        if (events.some(({ event }) => (event.data as { sessionId: string }).sessionId === 's-bad')) throw new TypeError('poison');
      },
    };
    const slow: Projection = {
      readModels: [],
      handle: async () => {
        slowWrites += 1;
        await sleep(20);
        slowWrites -= 1;
      },
    };
    const port = ports();
    const applier = new BatchApplier([failing, slow], port, logger, options);

    await applier.apply([message(1, 's-bad').message, message(2, 's-2').message], '');

    expect(port.setAsideOffsets).toEqual(['1']);
    expect(retriedDuringAWrite).toBe(false);
  });

  it('retries an outage a few times and then hands the slice back for redelivery, setting nothing aside', async () => {
    const projection = new RecordingProjection('s-1', () => new MongoNetworkError('connection refused'));
    const port = ports();
    const applier = new BatchApplier([projection], port, logger, options);

    await expect(applier.apply([message(1, 's-1').message], '')).rejects.toBeInstanceOf(MongoNetworkError);
    expect(port.setAsideOffsets).toEqual([]);
    expect(projection.calls).toBe(3);
  });
});
