import { randomUUID } from 'node:crypto';

/**
 * A synthetic, national-shaped ledger for the scale benchmark: programmes of courses of sessions (the
 * last session of each course requires a pass), learners spread over organisations, each registering,
 * stating a workplace, accepting the terms and working through ten sessions of their programme. Events
 * are as clients submit them (ingest adds recordedAt and source). Deterministic for a given size.
 */
export interface NationalShape {
  learners: number;
  sessionsPerLearner: number;
  organisations: number;
  programmes: number;
  coursesPerProgramme: number;
  sessionsPerCourse: number;
}

export type SubmittedEvent = Record<string, unknown>;

const envelope = (type: string, subject: string, data: Record<string, unknown>, occurredAt: string, version = 1): SubmittedEvent => ({
  eventId: randomUUID(),
  type,
  version,
  occurredAt,
  subject,
  actor: subject,
  data,
});

const programmeId = (p: number) => `scale-prog-${p}`;
const courseId = (p: number, c: number) => `scale-course-${p}-${c}`;
const sessionId = (p: number, c: number, s: number) => `scale-session-${p}-${c}-${s}`;
export const learnerId = (l: number) => `scale-learner-${l}`;
export const odsCodeOf = (o: number) => `SC${o.toString(36).toUpperCase().padStart(4, '0')}`;

/** Programmes, courses and sessions, for the catalogue tool to append first. */
export function catalogueEvents(shape: NationalShape, at: string): SubmittedEvent[] {
  const events: SubmittedEvent[] = [];
  for (let p = 0; p < shape.programmes; p += 1) {
    events.push(envelope('ProgrammeDefined', programmeId(p), { programmeId: programmeId(p), title: `Programme ${p + 1}`, issuesCertificate: true, omitsSummaryFromCertificate: false }, at));
    for (let c = 0; c < shape.coursesPerProgramme; c += 1) {
      const sessionIds = Array.from({ length: shape.sessionsPerCourse }, (_, s) => sessionId(p, c, s));
      const course = { courseId: courseId(p, c), programmeId: programmeId(p), title: `Course ${p + 1}.${c + 1}`, sessionIds, issuesCertificate: true, omitsSummaryFromCertificate: false, statusPolicy: 'latest' };
      events.push(envelope('CourseDefined', courseId(p, c), course, at));
      sessionIds.forEach((id, s) => {
        const session = { sessionId: id, title: `Session ${p + 1}.${c + 1}.${s + 1}`, parentType: 'course', parentId: courseId(p, c), requiresPass: s === shape.sessionsPerCourse - 1 };
        events.push(envelope('SessionDefined', id, session, at));
      });
    }
  }
  return events;
}

/** What one learner's records say: who they are and where they work, for the HR feed to append. */
export function peopleEvents(shape: NationalShape, l: number, at: string): SubmittedEvent[] {
  const id = learnerId(l);
  return [
    envelope('LearnerRegistered', id, { givenName: `Learner${l}`, familyName: 'Scale', email: `learner${l}@nhs.example`, emailIsWorkEmail: true }, at, 2),
    envelope('EmploymentLocationSet', id, { odsCode: odsCodeOf(l % shape.organisations), jobRole: l % 2 ? 'Staff Nurse' : 'Healthcare Assistant' }, at),
    envelope('TermsAccepted', id, { termsVersion: '2026-04' }, at),
  ];
}

/**
 * One learner's activity, for the player to append: ten sessions of their programme in course order,
 * each accessed; every third completed; each course's assessment scored (nine in ten pass).
 */
export function activityEvents(shape: NationalShape, l: number, startMs: number): SubmittedEvent[] {
  const id = learnerId(l);
  const p = l % shape.programmes;
  const events: SubmittedEvent[] = [];
  for (let k = 0; k < shape.sessionsPerLearner; k += 1) {
    const [c, s] = [Math.floor(k / shape.sessionsPerCourse) % shape.coursesPerProgramme, k % shape.sessionsPerCourse];
    const session = sessionId(p, c, s);
    const attemptId = `a-${k}`;
    const at = (minutes: number) => new Date(startMs + (k * 60 + minutes) * 60_000).toISOString();
    events.push(envelope('SessionAccessed', id, { sessionId: session, attemptId, timeSpentSeconds: 120 + ((l * 7 + k * 13) % 1_500) }, at(0)));
    if (s === shape.sessionsPerCourse - 1) {
      const score = (l + k) % 10 === 0 ? 4 : 8 + ((l + k) % 3);
      events.push(envelope('AssessmentScored', id, { sessionId: session, attemptId, score, maxScore: 10, passMark: 7, passed: score >= 7 }, at(20), 2));
    } else if (k % 3 === 0) {
      events.push(envelope('SessionCompleted', id, { sessionId: session, attemptId }, at(20)));
    }
  }
  return events;
}
