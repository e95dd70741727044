import { createHash } from 'node:crypto';

/**
 * A small, realistic demo ledger: three learners on an NHS-style course, with a failed assessment
 * followed by a passed re-attempt, a completion, and time spent over several accesses.
 * Event ids are derived from a name, so loading the demo twice appends nothing new.
 */
export function demoEvents(now: Date): Array<Record<string, unknown>> {
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
  const event = (name: string, type: string, subject: string, minutesAgo: number, data: Record<string, unknown>) => ({
    eventId: demoId(name),
    type,
    version: 1,
    occurredAt: at(minutesAgo),
    subject,
    actor: subject,
    data,
  });
  const safeguarding = 'safeguarding-adults-l1-s1';
  const assessment = 'safeguarding-adults-l1-assessment';
  return [
    event('asha-1', 'SessionAccessed', 'learner-asha', 300, { sessionId: safeguarding, attemptId: 'asha-a1', timeSpentSeconds: 1260 }),
    event('asha-2', 'SessionCompleted', 'learner-asha', 280, { sessionId: safeguarding, attemptId: 'asha-a1' }),
    event('asha-3', 'SessionAccessed', 'learner-asha', 240, { sessionId: assessment, attemptId: 'asha-a2', timeSpentSeconds: 540 }),
    event('asha-4', 'AssessmentScored', 'learner-asha', 230, { sessionId: assessment, attemptId: 'asha-a2', score: 6, maxScore: 10, passMark: 8, passed: false }),
    event('asha-5', 'SessionAccessed', 'learner-asha', 120, { sessionId: assessment, attemptId: 'asha-a3', timeSpentSeconds: 480 }),
    event('asha-6', 'AssessmentScored', 'learner-asha', 110, { sessionId: assessment, attemptId: 'asha-a3', score: 9, maxScore: 10, passMark: 8, passed: true }),
    event('ben-1', 'SessionAccessed', 'learner-ben', 90, { sessionId: safeguarding, attemptId: 'ben-a1', timeSpentSeconds: 300 }),
    event('ben-2', 'SessionAccessed', 'learner-ben', 60, { sessionId: safeguarding, attemptId: 'ben-a1', timeSpentSeconds: 420 }),
    event('chloe-1', 'SessionAccessed', 'learner-chloe', 45, { sessionId: assessment, attemptId: 'chloe-a1', timeSpentSeconds: 600 }),
    event('chloe-2', 'AssessmentScored', 'learner-chloe', 40, { sessionId: assessment, attemptId: 'chloe-a1', score: 10, maxScore: 10, passMark: 8, passed: true }),
  ];
}

/** A stable UUID-shaped id for a demo event name. */
function demoId(name: string): string {
  const hex = createHash('sha256').update(`activity-ledger-demo:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
