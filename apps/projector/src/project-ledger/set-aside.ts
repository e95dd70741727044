import type { Logger } from 'pino';
import type { DeadLetterWriter, LedgerMessage } from '@ledger/kafka';
import { collectionInGeneration, DEAD_LETTERED_EVENTS_READ_MODEL, DeadLetteredEventDocument, deadLetteredEventId, insertIgnoringDuplicates, ReadStore } from '@ledger/read-store';

/** Why a message is set aside, and what the projector knows of it. */
export interface SetAsideReason {
  reason: DeadLetteredEventDocument['reason'];
  eventId: string | null;
  error: string;
  attempts: number;
}

/**
 * Where messages the projector cannot apply go. Each is recorded once per ledger position in the
 * generation being written (see DeadLetteredEventDocument); the live projector also appends it to the
 * dead-letter topic, while a rebuild only records what it would have set aside, so replaying history
 * never writes to the live dead-letter topic again.
 */
export class SetAside {
  constructor(
    private readonly store: ReadStore,
    /** The dead-letter topic; null for a rebuild. */
    private readonly topic: Pick<DeadLetterWriter, 'write'> | null,
    private readonly logger: Logger,
  ) {}

  async setAside(message: LedgerMessage, why: SetAsideReason, generation: string): Promise<void> {
    const records = this.records(generation);
    const _id = deadLetteredEventId(message.partition, message.offset);
    // A redelivered message was dead-lettered already. Checking before writing the topic (rather than
    // recording first) keeps the topic at-least-once: a crash between the two writes repeats the topic
    // write on redelivery instead of losing it.
    if (await records.findOne({ _id })) return;
    await this.topic?.write(message, { consumer: 'projector', error: why.error, attempts: why.attempts });
    await insertIgnoringDuplicates(records, [{ _id, partition: message.partition, offset: message.offset, eventId: why.eventId, reason: why.reason }]);
    const fields = { topic: message.topic, partition: message.partition, offset: message.offset, attempts: why.attempts, reason: why.reason, error: why.error.split('\n')[0] };
    this.logger.error(fields, this.topic ? 'ledger event dead-lettered' : 'ledger event would be set aside');
  }

  /** How many messages were set aside in `generation`; survives restarts because it is counted from the store. */
  async count(generation: string): Promise<number> {
    return this.records(generation).countDocuments();
  }

  private records(generation: string) {
    return this.store.db.collection<DeadLetteredEventDocument>(collectionInGeneration(DEAD_LETTERED_EVENTS_READ_MODEL.name, generation));
  }
}
