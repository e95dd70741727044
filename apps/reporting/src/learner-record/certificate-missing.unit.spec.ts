import { containerProgress, programmeProgress, sessionProgress } from '../testing/progress-fixtures';
import { certificateMissing } from './certificate-missing';

describe('what a greyed certificate still needs', () => {
  it('names the sessions not done: a pass where one is required, a completion elsewhere', () => {
    const progress = containerProgress('l', 'c', [sessionProgress('Introduction', false, 'completed'), sessionProgress('Reading', false, 'in-progress'), sessionProgress('Assessment', true, 'failed')]);
    expect(certificateMissing(progress)).toEqual(['1 of 3 sessions done', 'Reading not yet completed', 'Assessment not yet passed']);
  });

  it("asks for a pass while a session's rule is not known yet, and nothing once complete", () => {
    expect(certificateMissing(containerProgress('l', 'c', [sessionProgress('Assessment', null, 'completed')]))).toEqual(['0 of 1 sessions done', 'Assessment not yet passed']);
    expect(certificateMissing(containerProgress('l', 'c', [sessionProgress('Assessment', true, 'passed')]))).toEqual([]);
    expect(certificateMissing(containerProgress('l', 'c', []))).toEqual(['It has no sessions yet']);
  });

  it('for a programme, names each required course or learning path not yet complete; retired ones are not required', () => {
    const a = containerProgress('l', 'a', [sessionProgress('One', false, 'completed'), sessionProgress('Two', true, 'passed')], { title: 'Course A' });
    const b = containerProgress('l', 'b', [sessionProgress('X', false, 'completed'), sessionProgress('Y', false, 'in-progress'), sessionProgress('Z', true, 'failed')], { kind: 'learning-path', title: 'Path B' });
    const old = { kind: 'course' as const, containerId: 'old', title: 'Old course', retired: true, required: false, sessionsTotal: 1, sessionsDone: 0, complete: false };
    expect(certificateMissing(programmeProgress('l', 'p', [a, b, old]))).toEqual(['1 of 2 courses and learning paths complete', 'Path B not yet complete (1 of 3 sessions done)']);
  });
});
