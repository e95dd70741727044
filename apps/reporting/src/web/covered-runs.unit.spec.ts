import type { CoveredReportRunDocument, LearnerGrantsDocument, LearnerProfileDocument } from '@ledger/read-store';
import { coveragesOf, membershipsOf, runsCovering } from './covered-runs';

const profile = {
  _id: 'erin',
  registeredAt: '2026-01-01T00:00:00.000Z',
  termsAccepted: { version: '2026-04', at: '2026-01-10T00:00:00.000Z' },
  workplace: { odsCode: 'RX9', jobRole: 'Midwife', setAt: '2026-06-01T00:00:00.000Z' },
  pastWorkplaces: [{ odsCode: 'RJ1', from: '2026-01-01T00:00:00.000Z', until: '2026-06-01T00:00:00.000Z' }],
} as unknown as LearnerProfileDocument;
const grants = { projectEnrolments: [{ projectId: 'p1', grantedAt: '2026-02-01T00:00:00.000Z', revokedAt: '2026-03-01T00:00:00.000Z' }], professionalBodies: [] } as unknown as LearnerGrantsDocument;
const run = (coverage: string, viewedAt: string) => ({ _id: `${coverage}@${viewedAt}`, coverage, viewedAt }) as CoveredReportRunDocument;

describe('runs that covered a learner without listing them', () => {
  const memberships = membershipsOf(profile, grants);

  it('looks up every learner, each organisation worked at, each project and body', () => {
    expect(coveragesOf(memberships)).toEqual(['all-learners', 'organisation:RJ1', 'organisation:RX9', 'project:p1']);
  });

  it('keeps a run only if it ran while the learner was covered (and, for an organisation, had accepted the terms)', () => {
    const runs = [
      run('all-learners', '2026-05-01T00:00:00.000Z'),
      run('organisation:RJ1', '2026-01-05T00:00:00.000Z'), // before the terms were accepted
      run('organisation:RJ1', '2026-05-01T00:00:00.000Z'),
      run('organisation:RJ1', '2026-07-01T00:00:00.000Z'), // after leaving RJ1
      run('organisation:RX9', '2026-07-01T00:00:00.000Z'),
      run('project:p1', '2026-04-01T00:00:00.000Z'), // after the enrolment ended
    ];
    expect(runsCovering(memberships, runs).map((r) => r._id)).toEqual([
      'all-learners@2026-05-01T00:00:00.000Z',
      'organisation:RJ1@2026-05-01T00:00:00.000Z',
      'organisation:RX9@2026-07-01T00:00:00.000Z',
    ]);
  });
});
