import type { LearnerProgressDocument, ProgrammeProgressDocument, SessionContainerProgressDocument } from '@ledger/read-store';

/**
 * What a learner still has to do before a greyed certificate becomes available, in their words:
 * "2 of 3 sessions done", then each session not yet done ("Assessment not yet passed"); for a
 * programme, each required course or learning path not yet complete. Empty once complete.
 */
export function certificateMissing(progress: LearnerProgressDocument): string[] {
  if (progress.complete) return [];
  return progress.kind === 'programme' ? programmeMissing(progress) : sessionsMissing(progress);
}

function sessionsMissing(progress: SessionContainerProgressDocument): string[] {
  if (progress.sessionsTotal === 0) return ['It has no sessions yet'];
  const notDone = progress.sessions
    .filter((session) => !session.done)
    // A session whose rule is not known yet counts only when passed (see SessionProgress), so it asks for a pass.
    .map((session) => `${session.title ?? session.sessionId} not yet ${session.requiresPass === false ? 'completed' : 'passed'}`);
  return [`${progress.sessionsDone} of ${progress.sessionsTotal} sessions done`, ...notDone];
}

function programmeMissing(progress: ProgrammeProgressDocument): string[] {
  const required = progress.parts.filter((part) => part.required);
  if (required.length === 0) return ['It has no courses or learning paths yet'];
  const incomplete = required
    .filter((part) => !part.complete)
    .map((part) => `${part.title} not yet complete (${part.sessionsDone} of ${part.sessionsTotal} sessions done)`);
  return [`${required.length - incomplete.length} of ${required.length} courses and learning paths complete`, ...incomplete];
}
