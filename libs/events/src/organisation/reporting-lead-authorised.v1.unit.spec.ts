import { parseSubmittedEvent } from '../parse-event';

const now = new Date('2026-11-24T12:00:00Z');
const envelope = { eventId: '5d0e7a34-9b61-4c1f-8a55-0c2f6a1d3e80', type: 'ReportingLeadAuthorised', occurredAt: '2026-11-24T11:00:00Z', subject: 'RJ1', actor: 'admin-1' };

describe('ReportingLeadAuthorised version 1 → 2', () => {
  it('is accepted as version 2 with the authoriser recorded as unknown (null), not guessed', () => {
    const parsed = parseSubmittedEvent({ ...envelope, version: 1, data: { odsCode: 'RJ1', leadId: 'user-lead', authorisedByRole: 'siro' } }, now);
    expect(parsed).toMatchObject({
      ok: true,
      value: { version: 2, data: { odsCode: 'RJ1', leadId: 'user-lead', authorisedByRole: 'siro', authorisedByName: null, authorisedByOrganisationName: null, authorisedByOdsCode: null } },
    });
  });

  it('rejects a version 2 payload with a bad authoriser ODS code, naming the field', () => {
    const data = { odsCode: 'RJ1', leadId: 'l', authorisedByRole: 'siro', authorisedByName: 'A', authorisedByOrganisationName: 'B', authorisedByOdsCode: 'rj1' };
    expect(parseSubmittedEvent({ ...envelope, version: 2, data }, now)).toMatchObject({ ok: false, errors: [{ field: 'data.authorisedByOdsCode' }] });
  });
});
