import {
  certificateAvailability,
  LEARNER_PROFILES_COLLECTION,
  LEARNER_PROGRESS_COLLECTION,
  LEARNER_SESSIONS_COLLECTION,
  LearnerProfileDocument,
  LearnerProgressDocument,
  LearnerSessionDocument,
  ReadStore,
} from '@ledger/read-store';

/** A learner's record in one generation, as the command prints it. */
export interface LearnerRecordAsOf {
  learnerId: string;
  profile: LearnerProfileDocument | null;
  sessions: LearnerSessionDocument[];
  progress: LearnerProgressDocument[];
}

export async function readLearnerRecord(store: ReadStore, generation: string, learnerId: string): Promise<LearnerRecordAsOf> {
  const [profile, sessions, progress] = await Promise.all([
    (await store.readModel<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION, generation)).findOne({ _id: learnerId }),
    (await store.readModel<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION, generation)).find({ learnerId }).toArray(),
    (await store.readModel<LearnerProgressDocument>(LEARNER_PROGRESS_COLLECTION, generation)).find({ learnerId }).toArray(),
  ]);
  return { learnerId, profile, sessions, progress };
}

/** A learner's record as lines for a terminal (pure): where they worked, each session, each course's progress and certificate. */
export function learnerRecordLines({ learnerId, profile, sessions, progress }: LearnerRecordAsOf): string[] {
  const lines = [
    `learner ${learnerId}: workplace ${profile?.workplace?.odsCode ?? '–'}, terms ${profile?.termsAccepted?.version ?? 'not accepted'}`,
  ];
  for (const s of [...sessions].sort((a, b) => a.sessionId.localeCompare(b.sessionId))) {
    const score = s.latestScore ? `${s.latestScore.score}/${s.latestScore.maxScore}` : '–';
    lines.push(`  session ${s.sessionId}: ${s.status}, ${s.timeSpentSeconds} s over ${s.accessCount} access(es), ${s.attempts.length} attempt(s), latest score ${score}`);
  }
  for (const p of [...progress].sort((a, b) => a._id.localeCompare(b._id))) {
    const certificate = certificateAvailability(p, p.issuesCertificate);
    lines.push(`  ${p.kind} ${p.containerId}: ${p.sessionsDone} of ${p.sessionsTotal} done, certificate ${certificate}`);
  }
  if (sessions.length === 0 && progress.length === 0) lines.push('  no activity recorded');
  return lines;
}
