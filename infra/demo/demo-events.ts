import { createHash } from 'node:crypto';

/**
 * A small, realistic demo ledger: a programme with one course of two sessions (the assessment needs a
 * pass), three registered learners at two NHS organisations, a failed assessment followed by a passed
 * re-attempt (Asha's certificate is available), a learner still in progress (Ben), and one who passed
 * the assessment without the introduction (Chloe: certificate greyed).
 * A second programme (infection prevention and control) that RJ1 may not see identifiably, and the
 * people of the access demo (see config/people.local.json): a learner who has not accepted the terms,
 * one who moved from RJ1 to RX9, another trainee.
 * A retired course (Safeguarding Adults 2019) that Asha completed before it was retired: it stays on
 * her record and in the summarised report.
 * Event ids are derived from a name, so loading the demo twice appends nothing new.
 */
export function demoEvents(now: Date): Array<Record<string, unknown>> {
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
  const event = (name: string, type: string, subject: string, minutesAgo: number, data: Record<string, unknown>) => ({
    eventId: demoId(name),
    type,
    version: type === 'LearnerRegistered' ? 2 : 1,
    occurredAt: at(minutesAgo),
    subject,
    actor: subject,
    data,
  });
  const safeguarding = 'safeguarding-adults-l1-s1';
  const assessment = 'safeguarding-adults-l1-assessment';
  const course = 'safeguarding-adults-l1';
  const person = (id: string, givenName: string, familyName: string, odsCode: string, jobRole: string, minutesAgo: number, terms = true) => [
    event(`${id}-registered`, 'LearnerRegistered', id, minutesAgo, { givenName, familyName, email: `${givenName.toLowerCase()}.${familyName.toLowerCase()}@nhs.net`, emailIsWorkEmail: true }),
    ...(terms ? [event(`${id}-terms`, 'TermsAccepted', id, minutesAgo, { termsVersion: '2026-04' })] : []),
    event(`${id}-works-at`, 'EmploymentLocationSet', id, minutesAgo, { odsCode, jobRole }),
  ];
  const ipcSession = 'ipc-l1-hand-hygiene';
  return [
    event('programme', 'ProgrammeDefined', 'prog-safeguarding', 600, { programmeId: 'prog-safeguarding', title: 'Safeguarding', issuesCertificate: true, omitsSummaryFromCertificate: false }),
    event('course', 'CourseDefined', course, 600, {
      courseId: course,
      programmeId: 'prog-safeguarding',
      title: 'Safeguarding Adults Level 1',
      sessionIds: [safeguarding, assessment],
      issuesCertificate: true,
      omitsSummaryFromCertificate: false,
      statusPolicy: 'latest',
    }),
    event('session-1', 'SessionDefined', safeguarding, 600, { sessionId: safeguarding, title: 'Safeguarding Adults: Introduction', parentType: 'course', parentId: course, requiresPass: false }),
    event('session-2', 'SessionDefined', assessment, 600, { sessionId: assessment, title: 'Safeguarding Adults: Assessment', parentType: 'course', parentId: course, requiresPass: true }),
    ...person('learner-asha', 'Asha', 'Patel', 'RJ1', 'Staff Nurse', 500),
    ...person('learner-ben', 'Ben', 'Okafor', 'RJ1', 'Healthcare Assistant', 500),
    ...person('learner-chloe', 'Chloe', 'Evans', 'Y02794', 'Practice Manager', 500),
    ...person('learner-dev', 'Dev', 'Sharma', 'RJ1', 'Porter', 500, false),
    ...person('learner-erin', 'Erin', 'Walsh', 'RJ1', 'Midwife', 500),
    event('learner-erin-moved', 'EmploymentLocationSet', 'learner-erin', 200, { odsCode: 'RX9', jobRole: 'Midwife' }),
    ...person('trainee-finn', 'Finn', 'Murphy', 'RJ1', 'Foundation Doctor', 500),
    event('ipc-programme', 'ProgrammeDefined', 'prog-ipc', 600, { programmeId: 'prog-ipc', title: 'Infection Prevention and Control', issuesCertificate: true, omitsSummaryFromCertificate: false }),
    event('ipc-course', 'CourseDefined', 'ipc-l1', 600, {
      courseId: 'ipc-l1',
      programmeId: 'prog-ipc',
      title: 'Infection Prevention and Control Level 1',
      sessionIds: [ipcSession],
      issuesCertificate: true,
      omitsSummaryFromCertificate: false,
      statusPolicy: 'latest',
    }),
    event('ipc-session', 'SessionDefined', ipcSession, 600, { sessionId: ipcSession, title: 'Hand hygiene', parentType: 'course', parentId: 'ipc-l1', requiresPass: false }),
    event('old-course', 'CourseDefined', 'safeguarding-adults-2019', 900, {
      courseId: 'safeguarding-adults-2019',
      programmeId: 'prog-safeguarding',
      title: 'Safeguarding Adults (2019 edition)',
      sessionIds: ['safeguarding-adults-2019-s1'],
      issuesCertificate: false,
      omitsSummaryFromCertificate: false,
      statusPolicy: 'latest',
    }),
    event('old-session', 'SessionDefined', 'safeguarding-adults-2019-s1', 900, {
      sessionId: 'safeguarding-adults-2019-s1',
      title: 'Safeguarding Adults 2019: Whole course',
      parentType: 'course',
      parentId: 'safeguarding-adults-2019',
      requiresPass: false,
    }),
    event('old-course-retired', 'CourseRetired', 'safeguarding-adults-2019', 650, { courseId: 'safeguarding-adults-2019' }),
    event('asha-ipc-1', 'SessionAccessed', 'learner-asha', 100, { sessionId: ipcSession, attemptId: 'asha-ipc-a1', timeSpentSeconds: 900 }),
    event('dev-1', 'SessionAccessed', 'learner-dev', 80, { sessionId: safeguarding, attemptId: 'dev-a1', timeSpentSeconds: 240 }),
    event('erin-1', 'SessionAccessed', 'learner-erin', 70, { sessionId: safeguarding, attemptId: 'erin-a1', timeSpentSeconds: 660 }),
    event('finn-1', 'SessionAccessed', 'trainee-finn', 65, { sessionId: safeguarding, attemptId: 'finn-a1', timeSpentSeconds: 120 }),
    event('asha-old-1', 'SessionAccessed', 'learner-asha', 800, { sessionId: 'safeguarding-adults-2019-s1', attemptId: 'asha-old-a1', timeSpentSeconds: 1800 }),
    event('asha-old-2', 'SessionCompleted', 'learner-asha', 790, { sessionId: 'safeguarding-adults-2019-s1', attemptId: 'asha-old-a1' }),
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
export function demoId(name: string): string {
  const hex = createHash('sha256').update(`activity-ledger-demo:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
