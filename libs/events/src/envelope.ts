/**
 * A fact in the ledger. Every event carries the same envelope; `data` is the payload of its
 * `type` at its `version`. Events are immutable: a correction is a new event, never an edit.
 */
export interface LedgerEvent<TType extends string = string, TData = unknown> {
  /** Client-supplied UUID; the idempotency key of the fact. */
  eventId: string;
  /** Past-tense name of the fact, e.g. `SessionAccessed`. */
  type: TType;
  /** Payload schema version of `type`; older versions are upcast on read. */
  version: number;
  /** ISO-8601 instant when it happened, as the client reports it. */
  occurredAt: string;
  /** ISO-8601 instant when the ledger accepted it (set by ingest, never by the client). */
  recordedAt: string;
  /** Who caused it: a learner id, an admin id, or a system client id. */
  actor: string;
  /** Who or what it is about: the learner id for learner facts. It is the Kafka key, so one subject's facts stay in order. */
  subject: string;
  /** The authenticated client that sent it. */
  source: string;
  data: TData;
}

/** Where an event sits in the ledger: its Kafka partition and offset. */
export interface LedgerPosition {
  partition: number;
  /** Kafka offsets are 64-bit; kept as a decimal string so no precision is lost. */
  offset: string;
}

/** An event read back from the ledger, with its position. */
export interface PositionedEvent<E extends LedgerEvent = LedgerEvent> {
  event: E;
  position: LedgerPosition;
}
