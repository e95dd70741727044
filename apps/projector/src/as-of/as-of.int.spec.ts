import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LedgerEvent } from '@ledger/events';
import {
  AS_OF_GENERATIONS_COLLECTION,
  AsOfGenerationDocument,
  GRANTS_COLLECTION,
  GrantsDocument,
  grantsIdOfLearner,
  LEARNER_PROFILES_COLLECTION,
  LEARNER_PROGRESS_COLLECTION,
  LEARNER_SESSIONS_COLLECTION,
  LearnerProfileDocument,
  LearnerSessionDocument,
  learnerSessionId,
} from '@ledger/read-store';
import { createLogger } from '@ledger/runtime';
import { uniqueName } from '@ledger/test-harness';
import { loadProjectorConfig } from '../config';
import { useProjectorTestContext } from '../testing/projector-test-context';
import { runAudit } from '../testing/run-audit';
import { startProjectorForTest } from '../testing/start-projector-for-test';
import { waitUntilProjected } from '../testing/wait-until-projected';
import { asOfGeneration, dropExpiredAsOfGenerations } from '../rebuild/as-of-generations';
import { cutAtPositions, findLedgerCut } from '../rebuild/find-ledger-cut';

/**
 * The read models as of an instant are the projections of the ledger cut there: a record changed after
 * T (a failed re-attempt, a revoked tutor, a move of organisation) shows its old state as of T and its
 * new state live; a targeted replay of one learner gives exactly the whole replay's record of them.
 */
describe('the read models as of a moment', () => {
  const context = useProjectorTestContext();
  const logger = createLogger('test', 'warn');
  const learner = uniqueName('learner');
  const others = Array.from({ length: 5 }, () => uniqueName('other'));
  const course = uniqueName('course');
  const assessment = uniqueName('assessment');
  let before = '';
  let asOf = '';

  const event = (type: string, subject: string, data: Record<string, unknown>, version = 1): LedgerEvent => {
    const now = new Date().toISOString();
    return { eventId: randomUUID(), type, version, occurredAt: now, recordedAt: now, subject, actor: subject, source: 'test', data };
  };
  const scored = (attemptId: string, score: number) =>
    event('AssessmentScored', learner, { sessionId: assessment, attemptId, score, maxScore: 10, passMark: 8, passed: score >= 8 }, 2);

  beforeAll(async () => {
    before = new Date(Date.now() - 1000).toISOString();
    context.projector = await startProjectorForTest(context.env);
    await context.ledger.writer.append([
      event('ProgrammeDefined', 'prog-x', { programmeId: 'prog-x', title: 'X', issuesCertificate: true, omitsSummaryFromCertificate: false }),
      event('CourseDefined', course, { courseId: course, programmeId: 'prog-x', title: 'Course', sessionIds: [assessment], issuesCertificate: true, omitsSummaryFromCertificate: false, statusPolicy: 'latest' }),
      event('SessionDefined', assessment, { sessionId: assessment, title: 'Assessment', parentType: 'course', parentId: course, requiresPass: true }),
      event('EmploymentLocationSet', learner, { odsCode: 'RJ1', jobRole: 'Nurse' }),
      event('ViewerAuthorised', learner, { viewerId: 'tutor-tom', scope: 'all' }),
      scored('a1', 9),
      ...others.map((other) => event('SessionAccessed', other, { sessionId: assessment, attemptId: 'o1', timeSpentSeconds: 60 })),
    ]);
    await waitUntilProjected(context.env, context.ledger.kafka);
    await sleep(20);
    asOf = new Date().toISOString();
    await sleep(20);
    // After T: a failed re-attempt, the tutor revoked, a move to another organisation.
    await context.ledger.writer.append([scored('a2', 4), event('ViewerAuthorisationRevoked', learner, { viewerId: 'tutor-tom' }), event('EmploymentLocationSet', learner, { odsCode: 'RX9', jobRole: 'Nurse' })]);
    await waitUntilProjected(context.env, context.ledger.kafka);
  });

  const read = async <T extends object>(name: string, generation: string | undefined, id: string) =>
    (await context.store.readModel<T & { _id: string }>(name, generation)).findOne({ _id: id } as never) as Promise<(T & { _id: string }) | null>;

  it('shows the old state as of T while the live read models show the new', async () => {
    const config = loadProjectorConfig(context.env);
    const cut = await findLedgerCut(context.ledger.kafka, config.ledgerTopic, new Date(asOf), config.asOf.clockMarginMs);
    const { document, reused } = await asOfGeneration(config, logger, context.store, cut, { kind: 'ledger' });
    expect(reused).toBe(false);
    expect(document).toMatchObject({ status: 'ready', eventsRead: 3 + 3 + others.length, cut: { asOf } });

    const session = learnerSessionId(learner, assessment);
    expect((await read<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION, document.generation, session))?.status).toBe('passed');
    expect((await read<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION, undefined, session))?.status).toBe('failed');
    expect((await read<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION, document.generation, learner))?.workplace?.odsCode).toBe('RJ1');
    expect((await read<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION, undefined, learner))?.workplace?.odsCode).toBe('RX9');
    const tutorThen = await read<GrantsDocument>(GRANTS_COLLECTION, document.generation, grantsIdOfLearner(learner));
    const tutorNow = await read<GrantsDocument>(GRANTS_COLLECTION, undefined, grantsIdOfLearner(learner));
    expect(tutorThen?.kind === 'learner' && tutorThen.authorisedViewers.map((a) => a.revokedAt)).toEqual([null]);
    expect(tutorNow?.kind === 'learner' && tutorNow.authorisedViewers.every((a) => a.revokedAt !== null)).toBe(true);

    // Asked again, with a later instant that cuts the ledger in the same place, the generation is reused.
    expect((await asOfGeneration(config, logger, context.store, cut, { kind: 'ledger' })).reused).toBe(true);
  });

  it("a targeted replay of one learner reads fewer events into the same record as the whole replay", async () => {
    const config = loadProjectorConfig(context.env);
    const cut = await findLedgerCut(context.ledger.kafka, config.ledgerTopic, new Date(asOf), config.asOf.clockMarginMs);
    const whole = (await asOfGeneration(config, logger, context.store, cut, { kind: 'ledger' })).document;
    const targeted = (await asOfGeneration(config, logger, context.store, cut, { kind: 'learner', learnerId: learner })).document;
    expect(targeted.eventsApplied).toBe(6);
    expect(whole.eventsApplied).toBe(6 + others.length);
    for (const name of [LEARNER_SESSIONS_COLLECTION, LEARNER_PROGRESS_COLLECTION, LEARNER_PROFILES_COLLECTION]) {
      const field = name === LEARNER_PROFILES_COLLECTION ? '_id' : 'learnerId';
      const byId = (a: { _id: unknown }, b: { _id: unknown }) => String(a._id).localeCompare(String(b._id));
      const inWhole = (await (await context.store.readModel(name, whole.generation)).find({ [field]: learner }).toArray()).sort(byId);
      const inTargeted = (await (await context.store.readModel(name, targeted.generation)).find({ [field]: learner }).toArray()).sort(byId);
      expect(inWhole.length).toBeGreaterThan(0);
      expect(inTargeted).toEqual(inWhole);
    }
    const otherSessions = await (await context.store.readModel(LEARNER_SESSIONS_COLLECTION, targeted.generation)).find({ learnerId: others[0] }).toArray();
    expect(otherSessions).toEqual([]);
  });

  it('cuts before the first event at nothing, and refuses positions that do not name every partition', async () => {
    const config = loadProjectorConfig(context.env);
    const cut = await findLedgerCut(context.ledger.kafka, config.ledgerTopic, new Date(Date.parse(before) - 60_000), 0);
    expect(Object.values(cut.through).every((offset) => offset === '-1')).toBe(true);
    await expect(cutAtPositions(context.ledger.kafka, config.ledgerTopic, '0:0,x')).rejects.toThrow(/"x" is not partition:offset.*partition 1 is not named/);
  });

  it('npm run audit -- as-of prints the cut, the record as of T and how to open it through reporting, and names bad arguments', async () => {
    const run = await runAudit(['as-of', '--at', asOf, '--learner', learner], context.env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`as of ${asOf}: ledger "${context.env.LEDGER_TOPIC}" cut at p0≤`);
    expect(run.stdout).toMatch(/reused generation "asof[0-9a-f]+l[0-9a-f]+" \(learner .* record only \(targeted replay\)\)/);
    expect(run.stdout).toContain('workplace RJ1');
    expect(run.stdout).toMatch(new RegExp(`session ${assessment}: passed`));
    // Then the key reporting reads the kept generation by, and the paths of the record and of the certificate available then.
    const key = run.stdout.match(/^as-of key: (\S+)/m)?.[1] ?? '';
    const kept = await context.store.db.collection<AsOfGenerationDocument>(AS_OF_GENERATIONS_COLLECTION).findOne({ _id: key });
    expect(kept?.status).toBe('ready');
    expect(run.stdout).toContain(`page /auditor/as-of/${key}/learners/${learner}\n`);
    expect(run.stdout).toContain(`API  GET /v1/auditor/as-of/${key}/learners/${learner}/certificates/course/${course}\n`);
    expect(run.stdout).toContain('need the whole ledger as of the moment: run again with --whole');
    const bad = await runAudit(['as-of', '--at', 'yesterday'], context.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('give either --at with an ISO-8601 instant or --position');
  });

  it('drops an as-of generation once its time is up; asking again computes it anew', async () => {
    const config = loadProjectorConfig(context.env);
    const cut = await findLedgerCut(context.ledger.kafka, config.ledgerTopic, new Date(asOf), config.asOf.clockMarginMs);
    const { document } = await asOfGeneration(config, logger, context.store, cut, { kind: 'learner', learnerId: learner });
    const expiry = Date.parse(document.expiresAt!);
    expect(await dropExpiredAsOfGenerations(context.store, new Date(expiry - 60_000))).toBe(0);
    expect(await dropExpiredAsOfGenerations(context.store, new Date(expiry + 60_000))).toBeGreaterThanOrEqual(1);
    const names = (await context.store.db.listCollections().toArray()).map((c) => c.name);
    expect(names.filter((n) => n.endsWith(`__${document.generation}`))).toEqual([]);
    expect((await asOfGeneration(config, logger, context.store, cut, { kind: 'learner', learnerId: learner })).reused).toBe(false);
  });
});
