import { AnonymisedActivityCounts, NO_ACTIVITY } from './anonymised-activity.document';
import { meanScore, rollUpActivityCounts, scoreInThousandths } from './roll-up-activity';

const introSession: AnonymisedActivityCounts = {
  accessedCount: 3,
  completedCount: 1,
  timeSpentSeconds: 900,
  assessedCount: 0,
  passedCount: 0,
  scoreCount: 0,
  scoreSumThousandths: 0,
  minScore: null,
  maxScore: null,
};
const assessmentSession: AnonymisedActivityCounts = {
  accessedCount: 2,
  completedCount: 0,
  timeSpentSeconds: 600,
  assessedCount: 3,
  passedCount: 2,
  scoreCount: 2,
  scoreSumThousandths: 13_500,
  minScore: 5.5,
  maxScore: 8,
};
const sameAssessmentNextMonth: AnonymisedActivityCounts = { ...assessmentSession, assessedCount: 1, passedCount: 1, scoreCount: 1, scoreSumThousandths: 9_000, minScore: 9, maxScore: 9 };

describe('rolling up anonymised activity', () => {
  it('adds counts and sums and keeps the lowest minimum and highest maximum', () => {
    expect(rollUpActivityCounts([introSession, assessmentSession, sameAssessmentNextMonth])).toEqual({
      accessedCount: 7,
      completedCount: 1,
      timeSpentSeconds: 2_100,
      assessedCount: 4,
      passedCount: 3,
      scoreCount: 3,
      scoreSumThousandths: 22_500,
      minScore: 5.5,
      maxScore: 9,
    });
  });

  it('gives no activity for no cells, and cells without scores leave min and max alone', () => {
    expect(rollUpActivityCounts([])).toEqual(NO_ACTIVITY);
    expect(rollUpActivityCounts([introSession, introSession])).toMatchObject({ accessedCount: 6, minScore: null, maxScore: null });
  });

  it('does not depend on the order of the cells', () => {
    const cells = [introSession, assessmentSession, sameAssessmentNextMonth];
    expect(rollUpActivityCounts([...cells].reverse())).toEqual(rollUpActivityCounts(cells));
  });

  it('reads the mean score back in points, and none without scores', () => {
    expect(meanScore(rollUpActivityCounts([assessmentSession, sameAssessmentNextMonth]))).toBe(7.5);
    expect(meanScore(introSession)).toBeNull();
  });

  it('sums fractional scores exactly as thousandths', () => {
    expect(scoreInThousandths(0.1) + scoreInThousandths(0.2)).toBe(scoreInThousandths(0.3));
  });
});
