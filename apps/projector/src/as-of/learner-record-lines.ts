import {
  LEARNER_PROFILES_COLLECTION,
  LEARNER_PROGRESS_COLLECTION,
  LEARNER_SESSIONS_COLLECTION,
  LearnerProfileDocument,
  LearnerProgressDocument,
  LearnerSessionDocument,
  ReadStore,
} from '@ledger/read-store';

/** A learner's record in `generation`, as lines for a terminal: where they worked, each session, each course's progress. */
export async function learnerRecordLines(store: ReadStore, generation: string, learnerId: string): Promise<string[]> {
  const [profile, sessions, progress] = await Promise.all([
    (await store.readModel<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION, generation)).findOne({ _id: learnerId }),
    (await store.readModel<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION, generation)).find({ learnerId }).toArray(),
    (await store.readModel<LearnerProgressDocument>(LEARNER_PROGRESS_COLLECTION, generation)).find({ learnerId }).toArray(),
  ]);
  const lines = [
    `learner ${learnerId}: workplace ${profile?.workplace?.odsCode ?? '–'}, terms ${profile?.termsAccepted?.version ?? 'not accepted'}`,
  ];
  for (const s of sessions.sort((a, b) => a.sessionId.localeCompare(b.sessionId))) {
    const score = s.latestScore ? `${s.latestScore.score}/${s.latestScore.maxScore}` : '–';
    lines.push(`  session ${s.sessionId}: ${s.status}, ${s.timeSpentSeconds} s over ${s.accessCount} access(es), ${s.attempts.length} attempt(s), latest score ${score}`);
  }
  for (const p of progress.sort((a, b) => a._id.localeCompare(b._id))) {
    lines.push(`  ${p.kind} ${p.containerId}: ${p.sessionsDone} of ${p.sessionsTotal} done, certificate ${p.eligibleForCertificate ? 'available' : 'unavailable'}`);
  }
  if (sessions.length === 0 && progress.length === 0) lines.push('  no activity recorded');
  return lines;
}
