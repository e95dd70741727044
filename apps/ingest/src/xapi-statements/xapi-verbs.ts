/** The ADL verbs the ledger turns into activity facts; any other verb is recorded as a statement only. */
export const ADL_VERBS = {
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  scored: 'http://adlnet.gov/expapi/verbs/scored',
  voided: 'http://adlnet.gov/expapi/verbs/voided',
} as const;

/** Verbs that mean "the learner opened the session"; their `result.duration` is the time spent. */
export const ACCESS_VERBS: ReadonlySet<string> = new Set([ADL_VERBS.launched, ADL_VERBS.initialized, ADL_VERBS.attempted]);

/** Verbs that report an assessment outcome, recorded with their `result.score`. */
export const SCORING_VERBS: ReadonlySet<string> = new Set([ADL_VERBS.passed, ADL_VERBS.failed, ADL_VERBS.scored]);

/**
 * cmi5's context extension for the pass mark, as a scaled score 0..1 (the only standard place an xAPI
 * statement states one).
 */
export const CMI5_MASTERY_SCORE = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
