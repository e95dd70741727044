import type { PeopleEvent, PositionedEvent } from '@ledger/events';
import { atOffset, foldDocument, ledgerEvent } from '../testing/projection-test-kit';
import { evolveLearnerProfile } from './evolve-learner-profile';

const learner = 'learner-42';
const registered = ledgerEvent('LearnerRegistered', learner, { givenName: 'Aisha', familyName: 'Khan', email: 'aisha@gmail.com', emailIsWorkEmail: false }, { occurredAt: '2026-01-05T09:00:00.000Z' });
const emailChanged = ledgerEvent('LearnerEmailChanged', learner, { email: 'aisha.khan@nhs.net', emailIsWorkEmail: true });
const workingAtLeeds = ledgerEvent('EmploymentLocationSet', learner, { odsCode: 'RR8', jobRole: 'Staff Nurse' }, { occurredAt: '2026-01-06T09:00:00.000Z' });
const workplaceCleared = ledgerEvent('EmploymentLocationSet', learner, { odsCode: null, jobRole: null }, { occurredAt: '2026-03-01T09:00:00.000Z' });
const termsAccepted = ledgerEvent('TermsAccepted', learner, { termsVersion: '2026-04' }, { occurredAt: '2026-04-02T09:00:00.000Z' });

const fold = (events: PositionedEvent<PeopleEvent>[]) => foldDocument(evolveLearnerProfile, events);

describe('learner profile', () => {
  it('holds the name, current email and work-email flag, workplace and accepted terms', () => {
    const profile = fold([atOffset(registered, 0), atOffset(emailChanged, 1), atOffset(workingAtLeeds, 2), atOffset(termsAccepted, 3)]);
    expect(profile).toMatchObject({
      _id: learner,
      name: { givenName: 'Aisha', familyName: 'Khan' },
      email: 'aisha.khan@nhs.net',
      emailIsWorkEmail: true,
      registeredAt: '2026-01-05T09:00:00.000Z',
      workplace: { odsCode: 'RR8', jobRole: 'Staff Nurse', setAt: '2026-01-06T09:00:00.000Z' },
      termsAccepted: { version: '2026-04', at: '2026-04-02T09:00:00.000Z' },
    });
  });

  it('a cleared workplace is stated as nulls, so no organisation sees the learner', () => {
    const profile = fold([atOffset(registered, 0), atOffset(workingAtLeeds, 1), atOffset(workplaceCleared, 2)]);
    expect(profile?.workplace).toEqual({ odsCode: null, jobRole: null, setAt: '2026-03-01T09:00:00.000Z' });
    expect(profile?.workplaceOdsCode).toBeNull();
  });

  it("keeps the current ODS code at the top level (an organisation's staff are read by it) and the workplaces left", () => {
    const movedToBradford = ledgerEvent('EmploymentLocationSet', learner, { odsCode: 'RAE', jobRole: 'Ward Sister' }, { occurredAt: '2026-05-01T09:00:00.000Z' });
    const promotedThere = ledgerEvent('EmploymentLocationSet', learner, { odsCode: 'RAE', jobRole: 'Matron' }, { occurredAt: '2026-06-01T09:00:00.000Z' });
    const profile = fold([atOffset(registered, 0), atOffset(workingAtLeeds, 1), atOffset(movedToBradford, 2), atOffset(promotedThere, 3)]);
    expect(profile?.workplaceOdsCode).toBe('RAE');
    expect(profile?.pastWorkplaces).toEqual([{ odsCode: 'RR8', from: '2026-01-06T09:00:00.000Z', until: '2026-05-01T09:00:00.000Z' }]);
  });

  it('an event appended twice changes nothing the second time, even after a later change', () => {
    const once = fold([atOffset(registered, 0), atOffset(workingAtLeeds, 1), atOffset(workplaceCleared, 2)]);
    const withDuplicate = fold([atOffset(registered, 0), atOffset(workingAtLeeds, 1), atOffset(workplaceCleared, 2), atOffset(workingAtLeeds, 3)]);
    expect(withDuplicate).toEqual(once);
  });

  it('a redelivered batch changes nothing', () => {
    const events = [atOffset(registered, 0), atOffset(emailChanged, 1)];
    const once = fold(events);
    expect(foldDocument(evolveLearnerProfile, events, once)).toBe(once);
  });

  it('starts a profile from whichever people event comes first, leaving unknown facts null', () => {
    expect(fold([atOffset(termsAccepted, 0)])).toMatchObject({ name: null, email: null, workplace: null, termsAccepted: { version: '2026-04' } });
  });
});
