import { knownEventTypes } from '@ledger/events';

/**
 * One example request per event type, for the OpenAPI description of POST /v1/events, built from
 * each payload class's own `example` so the documentation cannot drift from the contract.
 */
export function appendEventsExamples(): Record<string, { summary: string; value: unknown }> {
  return Object.fromEntries(
    knownEventTypes().map((payload, i) => [
      payload.type,
      {
        summary: `${payload.type} (version ${payload.version})`,
        value: {
          events: [
            {
              eventId: `3f1c2b9e-8d2a-4c41-9b1e-${String(i).padStart(12, '0')}`,
              type: payload.type,
              version: payload.version,
              occurredAt: '2026-11-24T09:30:00Z',
              subject: 'learner-42',
              actor: 'learner-42',
              data: payload.example,
            },
          ],
        },
      },
    ]),
  );
}
