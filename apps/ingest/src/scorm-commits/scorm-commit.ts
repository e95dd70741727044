import type { FieldError } from '@ledger/events';

/** The SCORM run-time editions this endpoint understands. */
export const SCORM_VERSIONS = ['1.2', '2004'] as const;
export type ScormVersion = (typeof SCORM_VERSIONS)[number];

/**
 * Which commit this is: the learner (recorded as the events' subject and actor), the catalogue
 * session, the attempt, and the client's id for this commit. Together with the kind of event they
 * name each derived event, so a redelivered commit derives the very same eventIds.
 */
export interface CommitIdentity {
  learnerId: string;
  sessionId: string;
  attemptId: string;
  commitId: string;
  /** ISO-8601 instant (UTC) when the player committed. */
  occurredAt: string;
}

/** A score on the ledger's scale: from 0 (the content's minimum) up to `maxScore`. */
export interface LedgerScore {
  score: number;
  maxScore: number;
}

/**
 * What a commit reported, with the SCORM edition's vocabulary taken out:
 * - `completion`: `not-reported` when the commit did not say (2004 `unknown`, or no status at all);
 * - `success`: the pass/fail decision the content made, or `not-reported`;
 * - `passMark` is on the same scale as `score`, and null when the content declared none.
 */
export interface ScormOutcome {
  /** Whole seconds of this learner session, or null when the commit did not set a session time. */
  sessionSeconds: number | null;
  completion: 'completed' | 'not-completed' | 'not-reported';
  success: 'passed' | 'failed' | 'not-reported';
  score: LedgerScore | null;
  passMark: number | null;
  /** The CMI element names the status and score came from, so notes speak the client's language. */
  elements: { status: string; score: string };
  /** How the score or pass mark had to change to fit the ledger (e.g. a negative scaled score); told to the client only if the score is recorded. */
  scoreNotes: FieldError[];
}

/** What reading one commit's CMI values gave: the outcome, valid when `errors` is empty. */
export interface ReadOutcome {
  outcome: ScormOutcome;
  errors: FieldError[];
}
