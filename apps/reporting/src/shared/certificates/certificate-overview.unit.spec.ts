import type { CourseEntry } from '@ledger/read-store';
import { containerProgress, programmeProgress, sessionProgress } from '../../testing/progress-fixtures';
import { certificateOverview, partKey, untouchedPartIds } from './certificate-overview';

const learner = 'learner-asha';
const complete = containerProgress(learner, 'course-a', [sessionProgress('Intro', false, 'completed'), sessionProgress('Assessment', true, 'passed')], { title: 'Course A' });
const greyed = containerProgress(learner, 'path-b', [sessionProgress('One', false, 'completed'), sessionProgress('Two', false, 'in-progress'), sessionProgress('Quiz', true, 'failed')], {
  kind: 'learning-path',
  title: 'Path B',
});
const untouchedCourse = { kind: 'course' as const, containerId: 'course-c', title: 'Course C', retired: false, required: true, sessionsTotal: 2, sessionsDone: 0, complete: false };
const catalogueEntry = (issuesCertificate: boolean): CourseEntry => ({
  _id: 'course:course-c',
  kind: 'course',
  catalogueId: 'course-c',
  definition: { programmeId: 'prog-1', title: 'Course C', sessionIds: ['x', 'y'], issuesCertificate, omitsSummaryFromCertificate: false, statusPolicy: 'latest' },
  definedAt: null,
  retired: false,
  retiredAt: null,
  projection: { schemaVersion: 1, offsets: {}, lastRecordedAt: '' },
});

describe("a learner's certificates by programme", () => {
  const programme = programmeProgress(learner, 'prog-1', [complete, greyed, untouchedCourse], { title: 'Infection Prevention' });

  it('lists each part of the programme: available, greyed with what is missing, and greyed at 0 sessions where there is no activity yet', () => {
    const [listed] = certificateOverview([programme, complete, greyed], new Map([[partKey('course', 'course-c'), catalogueEntry(true)]]));
    expect(listed.title).toBe('Infection Prevention');
    expect(listed.programme).toMatchObject({ kind: 'programme', certificate: 'unavailable', missing: ['1 of 3 courses and learning paths complete', expect.stringContaining('Path B'), expect.stringContaining('Course C')] });
    expect(listed.parts.map((p) => [p.title, p.certificate, p.missing.join('; ')])).toEqual([
      ['Course A', 'available', ''],
      ['Path B', 'unavailable', '1 of 3 sessions done; Two not yet completed; Quiz not yet passed'],
      ['Course C', 'unavailable', '0 of 2 sessions done'],
    ]);
    expect(untouchedPartIds([programme, complete, greyed])).toEqual([{ kind: 'course', containerId: 'course-c' }]);
  });

  it('shows a part that offers no certificate as such, and leaves out a programme where nothing offers one', () => {
    const [listed] = certificateOverview([programme, complete, greyed], new Map([[partKey('course', 'course-c'), catalogueEntry(false)]]));
    expect(listed.parts[2]).toMatchObject({ title: 'Course C', certificate: 'not-offered' });
    const quiet = containerProgress(learner, 'course-q', [sessionProgress('Q', false, 'completed')], { programmeId: 'prog-q', issuesCertificate: false });
    const quietProgramme = programmeProgress(learner, 'prog-q', [quiet], { issuesCertificate: false });
    expect(certificateOverview([quietProgramme, quiet], new Map())).toEqual([]);
  });

  it("lists the parts with activity, by title, while the programme's own definition is unknown", () => {
    const listed = certificateOverview([greyed, complete], new Map());
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ programmeId: 'prog-1', title: 'prog-1', programme: { certificate: 'not-offered' } });
    expect(listed[0].parts.map((p) => p.title)).toEqual(['Course A', 'Path B']);
  });
});
