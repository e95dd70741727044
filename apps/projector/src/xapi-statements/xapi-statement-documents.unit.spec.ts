import { canonicalJson, PositionedEvent, StatementVoided, XapiStatementRecorded } from '@ledger/events';
import { storedStatementOf } from '@ledger/read-store';
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
      statementJson: canonicalJson({ ...sent, stored: '2026-11-24T09:30:02.000Z', timestamp: '2026-11-24T09:30:02.000Z', version: '1.0.0' }),
      timestampAssigned: true,
      xapiVersion: '1.0.3',
      isVoiding: false,
      projection: { schemaVersion: 2, offsets: { '3': '41' }, lastRecordedAt: '2026-11-24T09:30:02.000Z' },
    });
  });

  it('keeps the timestamp and version the client sent', () => {
    const document = statementDocument(recorded({ ...sent, timestamp: '2026-11-24T10:30:00+01:00', version: '1.0.0' }, '2.0.0'));
    expect(storedStatementOf(document)).toMatchObject({ timestamp: '2026-11-24T10:30:00+01:00', version: '1.0.0' });
    expect(document.timestampAssigned).toBe(false);
    expect(storedStatementOf(statementDocument(recorded(sent, '2.0.0'))).version).toBe('2.0.0');
  });

  it('keeps any statement exactly, whatever its keys: IRI extension keys, keys starting with $, nulls, U+0000 and lone surrogates', () => {
    const awkward = {
      ...sent,
      object: { id: 'https://learninghub.example.org/sessions/s-1', definition: { extensions: { 'http://example.com/ext.v1': { 'a.b': null, $set: [1, null] } } } },
      result: { extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/progress': 40, 'urn:x:nul': 'a\u0000b', 'urn:x:half': '\ud800' } },
    };
    const document = statementDocument(recorded(awkward, '2.0.0'));
    expect(Object.keys(document).sort()).toEqual(['_id', 'isVoiding', 'kind', 'projection', 'statementJson', 'timestampAssigned', 'xapiVersion']);
    expect(storedStatementOf(document)).toEqual({ ...awkward, stored: '2026-11-24T09:30:02.000Z', timestamp: '2026-11-24T09:30:02.000Z', version: '2.0.0' });
    expect(document.statementJson).not.toMatch(/[\u0000\ud800-\udfff]/);
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
