import type { PositionedEvent, StatementVoided, XapiStatementRecorded } from '@ledger/events';
import { statementDocument, voidingDocument } from './xapi-statement-documents';

const statementId = '3f6d2b84-7c1e-4a8f-9d25-0b6e41c7a913';
const sent = {
  id: statementId,
  actor: { account: { homePage: 'https://learninghub.example.org', name: 'learner-42' } },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
  object: { id: 'https://learninghub.example.org/sessions/s-1' },
  authority: { account: { homePage: 'https://activity-ledger.invalid/declared-clients', name: 'player-7' } },
};
const recorded = (statement: Record<string, unknown>, xapiVersion: '1.0.3' | '2.0.0'): PositionedEvent<XapiStatementRecorded> => ({
  event: {
    eventId: statementId,
    type: 'XapiStatementRecorded',
    version: 1,
    occurredAt: '2026-11-24T09:30:00.000Z',
    recordedAt: '2026-11-24T09:30:02.000Z',
    subject: 'learner-42',
    actor: 'learner-42',
    source: 'player-7',
    data: { statementId, statement, xapiVersion },
  },
  position: { partition: 3, offset: '41' },
});

describe('xAPI statement documents', () => {
  it('stores the statement with stored = recordedAt, and assigns timestamp and version when the client sent none', () => {
    const document = statementDocument(recorded(sent, '1.0.3'));
    expect(document).toEqual({
      _id: statementId,
      kind: 'statement',
      statement: { ...sent, stored: '2026-11-24T09:30:02.000Z', timestamp: '2026-11-24T09:30:02.000Z', version: '1.0.0' },
      timestampAssigned: true,
      xapiVersion: '1.0.3',
      isVoiding: false,
      projection: { schemaVersion: 1, offsets: { '3': '41' }, lastRecordedAt: '2026-11-24T09:30:02.000Z' },
    });
  });

  it('keeps the timestamp and version the client sent', () => {
    const document = statementDocument(recorded({ ...sent, timestamp: '2026-11-24T10:30:00+01:00', version: '1.0.0' }, '2.0.0'));
    expect(document.statement).toMatchObject({ timestamp: '2026-11-24T10:30:00+01:00', version: '1.0.0' });
    expect(document.timestampAssigned).toBe(false);
    expect(statementDocument(recorded(sent, '2.0.0')).statement.version).toBe('2.0.0');
  });

  it('marks a voiding statement as one, and keeps a voiding as its own document', () => {
    expect(statementDocument(recorded({ ...sent, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } }, '2.0.0')).isVoiding).toBe(true);
    const voided: PositionedEvent<StatementVoided> = {
      event: { ...recorded(sent, '2.0.0').event, eventId: '5b7e3c1a-9d2f-5e4b-8a6c-1f0e2d3c4b5a', type: 'StatementVoided', data: { statementId, voidingStatementId: '9b1e7c55-2d40-4f6a-8e33-5a0c9f2d7b61' } },
      position: { partition: 1, offset: '7' },
    };
    expect(voidingDocument(voided)).toMatchObject({ _id: `voided|${statementId}`, kind: 'voiding', voidedStatementId: statementId, voidingStatementId: '9b1e7c55-2d40-4f6a-8e33-5a0c9f2d7b61' });
  });
});
