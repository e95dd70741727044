import type { LedgerEvent } from '@ledger/events';
import { LEARNER_PROFILES_COLLECTION, LearnerProfileDocument } from '@ledger/read-store';
import { eventually } from '@ledger/test-harness';
import { useProjectorTestContext } from '../testing/projector-test-context';
import { ledgerEvent } from '../testing/projection-test-kit';
import { documentsById, restartProjectorFromOffsetZero } from '../testing/replay-from-offset-zero';
import { startProjectorForTest } from '../testing/start-projector-for-test';

/** The learner-profiles projection on a real broker and store: a mixed stream with a duplicate, then a full redelivery. */
describe('learner profiles projection', () => {
  const ctx = useProjectorTestContext();

  const profile = (learnerId: string) => ctx.store.db.collection<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION).findOne({ _id: learnerId });
  const at = (day: string) => ({ occurredAt: `2026-${day}T09:00:00.000Z` });
  const atLeeds = ledgerEvent('EmploymentLocationSet', 'learner-1', { odsCode: 'RR8', jobRole: 'Staff Nurse' }, at('01-02'));
  // Written as an old client would have (version 1, one name string): the projector upcasts it on reading.
  const registeredByOldClient: LedgerEvent = {
    ...ledgerEvent('LearnerRegistered', 'learner-2', { givenName: '', familyName: null, email: '', emailIsWorkEmail: false }, at('01-01')),
    version: 1,
    data: { fullName: 'Mary Ann Jones', email: 'mary.jones@gmail.com', emailIsWorkEmail: false },
  };
  const stream: LedgerEvent[] = [
    ledgerEvent('LearnerRegistered', 'learner-1', { givenName: 'Aisha', familyName: 'Khan', email: 'aisha@gmail.com', emailIsWorkEmail: false }, at('01-01')),
    registeredByOldClient,
    atLeeds,
    ledgerEvent('SessionAccessed', 'learner-1', { sessionId: 's-1', attemptId: 'a-1', timeSpentSeconds: 60 }, at('01-03')),
    ledgerEvent('HubAdminGranted', 'user-admin', { userId: 'user-admin' }, at('01-03')),
    ledgerEvent('LearnerEmailChanged', 'learner-1', { email: 'aisha.khan@nhs.net', emailIsWorkEmail: true }, at('01-04')),
    ledgerEvent('EmploymentLocationSet', 'learner-1', { odsCode: 'RJ1', jobRole: 'Ward Manager' }, at('02-01')),
    ledgerEvent('EmploymentLocationSet', 'learner-2', { odsCode: 'A81001', jobRole: null }, at('02-01')),
    ledgerEvent('EmploymentLocationSet', 'learner-2', { odsCode: null, jobRole: null }, at('03-01')),
    ledgerEvent('TermsAccepted', 'learner-2', { termsVersion: '2026-04' }, at('04-01')),
  ];

  it('projects a mixed stream; a workplace event appended again after a move does not move the learner back', async () => {
    ctx.projector = await startProjectorForTest(ctx.env);
    await ctx.ledger.writer.append(stream);
    await ctx.ledger.writer.append([atLeeds, ledgerEvent('TermsAccepted', 'learner-1', { termsVersion: '2026-05' }, at('05-01'))]);
    const aisha = await eventually(async () => {
      const doc = await profile('learner-1');
      return doc?.termsAccepted ? doc : undefined;
    });
    expect(aisha).toMatchObject({
      name: { givenName: 'Aisha', familyName: 'Khan' },
      email: 'aisha.khan@nhs.net',
      emailIsWorkEmail: true,
      workplace: { odsCode: 'RJ1', jobRole: 'Ward Manager', setAt: '2026-02-01T09:00:00.000Z' },
      workplaceOdsCode: 'RJ1',
      pastWorkplaces: [{ odsCode: 'RR8', from: '2026-01-02T09:00:00.000Z', until: '2026-02-01T09:00:00.000Z' }],
      termsAccepted: { version: '2026-05', at: '2026-05-01T09:00:00.000Z' },
    });
    // An organisation's staff: one equality read on the declared top-level field.
    const staff = await ctx.store.db.collection<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION).find({ workplaceOdsCode: 'RJ1' }).toArray();
    expect(staff.map((doc) => doc._id)).toEqual(['learner-1']);
    const mary = await eventually(async () => {
      const doc = await profile('learner-2');
      return doc?.termsAccepted ? doc : undefined;
    });
    expect(mary).toMatchObject({
      name: { givenName: 'Mary Ann', familyName: 'Jones' },
      email: 'mary.jones@gmail.com',
      workplace: { odsCode: null, jobRole: null },
      termsAccepted: { version: '2026-04' },
    });
    expect(await ctx.store.db.collection(LEARNER_PROFILES_COLLECTION).countDocuments({})).toBe(2);
  });

  it('changes nothing when the whole ledger is redelivered from offset 0', async () => {
    const before = await documentsById(ctx.store.db, LEARNER_PROFILES_COLLECTION);
    ctx.projector = await restartProjectorFromOffsetZero(ctx.env, ctx.ledger.kafka, ctx.projector!.app);
    expect(await documentsById(ctx.store.db, LEARNER_PROFILES_COLLECTION)).toEqual(before);
  });
});
