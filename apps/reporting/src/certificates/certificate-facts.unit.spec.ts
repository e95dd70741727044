import type { LearnerProgressDocument, SessionContainerProgressDocument } from '@ledger/read-store';
import { containerProgress, programmeProgress, sessionProgress } from '../testing/progress-fixtures';
import { partKey } from '../shared/certificates/certificate-overview';
import { CertificateRecord, certificateFacts, factsHash } from './certificate-facts';

const record = (progress: LearnerProgressDocument | null, parts: SessionContainerProgressDocument[] = [], learnerName: string | null = 'Asha Patel'): CertificateRecord => ({
  learnerId: 'learner-asha',
  learnerName,
  progress,
  parts: new Map(parts.map((p) => [partKey(p.kind, p.containerId), p])),
});
const passedCourse = (completedAt = '2026-03-02T09:00:00.000Z') =>
  containerProgress('learner-asha', 'hand-hygiene', [sessionProgress('Introduction', false, 'completed'), sessionProgress('Assessment', true, 'passed')], { title: 'Hand Hygiene', completedAt });

describe('the facts a certificate states', () => {
  it('for a complete course: who, what, when, and every session with its status', () => {
    const outcome = certificateFacts(record(passedCourse()));
    expect(outcome).toEqual({
      available: true,
      facts: {
        factsVersion: 1,
        learnerId: 'learner-asha',
        learnerName: 'Asha Patel',
        kind: 'course',
        containerId: 'hand-hygiene',
        title: 'Hand Hygiene',
        completedAt: '2026-03-02T09:00:00.000Z',
        sessions: [
          { containerId: 'hand-hygiene', sessionId: 'introduction', title: 'Introduction', status: 'completed' },
          { containerId: 'hand-hygiene', sessionId: 'assessment', title: 'Assessment', status: 'passed' },
        ],
      },
    });
  });

  it('hash alike for the same record however its documents were written (key order, bookkeeping), and differently when what it rests on changes', () => {
    const hashOf = (progress: LearnerProgressDocument, name = 'Asha Patel') => {
      const outcome = certificateFacts(record(progress, [], name));
      return outcome.available ? factsHash(outcome.facts) : null;
    };
    const first = hashOf(passedCourse());
    const rewritten = { ...passedCourse(), basis: 'other', projection: { schemaVersion: 1, offsets: { '3': '9' }, lastRecordedAt: 'x' } };
    const reordered: LearnerProgressDocument = { ...rewritten, sessions: rewritten.sessions.map((s) => Object.fromEntries(Object.entries(s).reverse()) as typeof s) };
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(reordered)).toBe(first);
    expect(hashOf(passedCourse('2026-03-05T10:00:00.000Z'))).not.toBe(first);
    expect(hashOf(passedCourse(), 'Asha Patel-Jones')).not.toBe(first);
  });

  it('is unavailable, saying why, without activity, without a certificate, while incomplete, or before the learner registered a name', () => {
    const failed = containerProgress('learner-asha', 'hand-hygiene', [sessionProgress('Introduction', false, 'completed'), sessionProgress('Assessment', true, 'failed')]);
    const offersNone = containerProgress('learner-asha', 'c', [sessionProgress('Introduction', false, 'completed')], { issuesCertificate: false });
    expect(certificateFacts(record(null))).toEqual({ available: false, missing: ['You have no activity in it yet'] });
    expect(certificateFacts(record(offersNone))).toEqual({ available: false, missing: ['It does not issue certificates'] });
    expect(certificateFacts(record(failed))).toEqual({ available: false, missing: ['1 of 2 sessions done', 'Assessment not yet passed'] });
    expect(certificateFacts(record(passedCourse(), [], null))).toEqual({ available: false, missing: ['Your name is not registered yet'] });
  });

  it('for a programme: the sessions of every required part, in the programme\'s order; unavailable while a part\'s record is not there yet', () => {
    const course = passedCourse('2026-03-02T09:00:00.000Z');
    const path = containerProgress('learner-asha', 'path-1', [sessionProgress('Video', false, 'completed')], { kind: 'learning-path', title: 'Path', completedAt: '2026-03-04T09:00:00.000Z' });
    const programme = programmeProgress('learner-asha', 'prog-1', [course, path], { title: 'Infection Prevention' });
    const outcome = certificateFacts(record(programme, [course, path]));
    expect(outcome.available && outcome.facts).toMatchObject({ kind: 'programme', title: 'Infection Prevention', completedAt: '2026-03-04T09:00:00.000Z' });
    expect(outcome.available && outcome.facts.sessions.map((s) => `${s.containerId}/${s.sessionId}:${s.status}`)).toEqual(['hand-hygiene/introduction:completed', 'hand-hygiene/assessment:passed', 'path-1/video:completed']);
    expect(certificateFacts(record(programme, [course])).available).toBe(false);
  });
});
