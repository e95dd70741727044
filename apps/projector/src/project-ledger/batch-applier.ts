import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { decodeLedgerEvent, KnownLedgerEvent, PositionedEvent } from '@ledger/events';
import type { LedgerMessage } from '@ledger/kafka';
import { LedgerBatchReceived } from '../ledger-batch-received';
import type { Projection } from './projections';
import { isRetriable } from './retriable';
import type { SetAsideReason } from './set-aside';

export interface BatchApplierOptions {
  /** Attempts at one event on its own before it is set aside. */
  maxAttempts: number;
  /** Pause before the second attempt at one event (then twice that, …). */
  backoffMs: number;
  /** Attempts at a slice that fails for a retriable reason (an outage, a concurrent write) before the slice is handed back for redelivery. */
  retriableAttempts: number;
}

/** What the applier needs around it: the first-copy filter and where poison goes. */
export interface BatchApplierPorts {
  firstCopies: <E extends PositionedEvent>(events: readonly E[], generation: string) => Promise<E[]>;
  setAside: (message: LedgerMessage, why: SetAsideReason, generation: string) => Promise<void>;
}

interface Item {
  message: LedgerMessage;
  positioned: PositionedEvent<KnownLedgerEvent>;
}

/**
 * Applies a slice of the ledger to every projection and resolves only when all of them stored it:
 *  1. bytes that do not decode to a known event are set aside at once;
 *  2. second copies of an event id are dropped (see AppliedEvents);
 *  3. the slice is applied to every projection together, waiting for all of them to settle, so a
 *     retry never starts while another projection is still writing;
 *  4. if a projection fails on it for a reason that is not retriable, the slice is halved and each
 *     half applied the same way, until the failing events stand alone; each is then tried
 *     `maxAttempts` times and set aside, so the partition moves on, after as few tries as possible;
 *  5. a retriable failure (the store or broker unreachable, a concurrent write) is retried a few
 *     times and then rethrown, so the offset stays and Kafka redelivers: an outage sets nothing aside.
 * `heartbeat` is called between steps, so long work never costs the group membership.
 */
export class BatchApplier {
  constructor(
    private readonly projections: Projection[],
    private readonly ports: BatchApplierPorts,
    private readonly logger: Logger,
    private readonly options: BatchApplierOptions,
  ) {}

  /** Resolves with the newest `recordedAt` among the decoded events, for the watermark. */
  async apply(messages: LedgerMessage[], generation: string, heartbeat: () => Promise<void> = async () => undefined): Promise<{ newestRecordedAt?: string }> {
    const decoded: Item[] = [];
    for (const message of messages) {
      const result = decodeLedgerEvent(message.value);
      if (result.ok) decoded.push({ message, positioned: { event: result.value, position: { partition: message.partition, offset: message.offset } } });
      else {
        const error = `undecodable: ${result.errors.map((e) => `${e.field || '(message)'} ${e.reason}`).join('; ')}`;
        await this.ports.setAside(message, { reason: 'undecodable', eventId: null, error, attempts: 1 }, generation);
      }
    }
    const firstCopies = new Set(await this.ports.firstCopies(decoded.map((d) => d.positioned), generation));
    await this.applyOrSplit(decoded.filter((d) => firstCopies.has(d.positioned)), generation, heartbeat);
    const newestRecordedAt = decoded.reduce<string | undefined>((newest, d) => (newest === undefined || d.positioned.event.recordedAt > newest ? d.positioned.event.recordedAt : newest), undefined);
    return { newestRecordedAt };
  }

  private async applyOrSplit(items: Item[], generation: string, heartbeat: () => Promise<void>): Promise<void> {
    if (items.length === 0) return;
    const failure = await this.tryApply(items, generation);
    if (failure === undefined) return;
    await heartbeat();
    if (items.length === 1) return this.retryAlone(items[0], failure, generation, heartbeat);
    if (items.length === 2 || items.length % 50 === 0) this.logger.warn({ partition: items[0].message.partition, from: items[0].message.offset, count: items.length }, 'slice failed; narrowing down');
    const middle = Math.ceil(items.length / 2);
    await this.applyOrSplit(items.slice(0, middle), generation, heartbeat);
    await this.applyOrSplit(items.slice(middle), generation, heartbeat);
  }

  /** One event on its own: tried until it applies or `maxAttempts` is reached, then set aside. */
  private async retryAlone(item: Item, firstFailure: unknown, generation: string, heartbeat: () => Promise<void>): Promise<void> {
    let failure = firstFailure;
    for (let attempt = 2; attempt <= this.options.maxAttempts; attempt += 1) {
      await sleep(this.options.backoffMs * (attempt - 1));
      await heartbeat();
      failure = await this.tryApply([item], generation);
      if (failure === undefined) return;
    }
    const error = (failure as Error | undefined)?.stack ?? String(failure);
    await this.ports.setAside(item.message, { reason: 'unapplicable', eventId: item.positioned.event.eventId, error, attempts: this.options.maxAttempts }, generation);
  }

  /**
   * Applies the items to every projection; resolves with the first non-retriable failure (undefined
   * when all applied). Retriable failures are retried here, then rethrown.
   */
  private async tryApply(items: Item[], generation: string): Promise<unknown> {
    const batch = new LedgerBatchReceived(items.map((item) => item.positioned), generation);
    for (let attempt = 1; ; attempt += 1) {
      const settled = await Promise.allSettled(this.projections.map((projection) => projection.handle(batch)));
      const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
      if (failures.length === 0) return undefined;
      const retriable = failures.find(isRetriable);
      if (retriable === undefined) return failures[0];
      if (attempt >= this.options.retriableAttempts) throw retriable;
      this.logger.warn({ err: retriable, attempt, partition: items[0].message.partition }, 'retriable failure; trying the slice again');
      await sleep(jitter(100 * 2 ** attempt));
    }
  }
}

const jitter = (ms: number) => Math.round(ms / 2 + Math.random() * ms);
