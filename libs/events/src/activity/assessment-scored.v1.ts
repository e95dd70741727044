import type { Upcaster } from '../event-types';

/** The payload of `AssessmentScored` version 1: every number required, so content that sent none had a default recorded. */
export interface AssessmentScoredV1Data {
  sessionId: string;
  attemptId: string;
  score: number;
  maxScore: number;
  passMark: number;
  passed: boolean;
}

/**
 * Version 1 → 2: the numbers carry over as they were recorded. A version-1 `passMark` of 0 may have
 * stood for "none declared" (the adapters' old default), but nothing in the event tells the two
 * apart, so it is kept as the 0 it says.
 */
export const upcastAssessmentScoredV1: Upcaster = (data) => ({ ...data });
