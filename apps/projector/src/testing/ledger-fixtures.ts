import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { LedgerEvent } from '@ledger/events';
import { createKafka, ensureLedgerTopic, LedgerWriter } from '@ledger/kafka';
import { createLogger } from '@ledger/runtime';

/** A Kafka client and a writer on the test's ledger topic, bypassing ingest (projector tests feed the ledger directly). */
export async function ledgerForTest(env: Record<string, string>): Promise<{ kafka: Kafka; writer: LedgerWriter; close: () => Promise<void> }> {
  const kafka = createKafka({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'test-feeder', ledgerTopic: env.LEDGER_TOPIC }, createLogger('test', 'warn'));
  await ensureLedgerTopic(kafka, env.LEDGER_TOPIC);
  const writer = new LedgerWriter(kafka, env.LEDGER_TOPIC);
  await writer.connect();
  return { kafka, writer, close: () => writer.disconnect() };
}

/** An accepted SessionAccessed event as it sits on the ledger. */
export function accessedEvent(learnerId: string, sessionId: string, seconds: number, overrides: Partial<LedgerEvent> = {}): LedgerEvent {
  return {
    eventId: randomUUID(),
    type: 'SessionAccessed',
    version: 1,
    occurredAt: '2026-11-20T10:00:00.000Z',
    recordedAt: '2026-11-20T10:00:01.000Z',
    subject: learnerId,
    actor: learnerId,
    source: 'test',
    data: { sessionId, attemptId: 'attempt-1', timeSpentSeconds: seconds },
    ...overrides,
  };
}

/** An accepted AssessmentScored event. */
export function scoredEvent(learnerId: string, sessionId: string, score: number, passed: boolean, occurredAt: string): LedgerEvent {
  return {
    ...accessedEvent(learnerId, sessionId, 0, { occurredAt, recordedAt: new Date(Date.parse(occurredAt) + 1000).toISOString() }),
    type: 'AssessmentScored',
    data: { sessionId, attemptId: `attempt-${occurredAt}`, score, maxScore: 10, passMark: 8, passed },
  };
}
