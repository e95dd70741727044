import type { FieldError } from '@ledger/events';
import { anyInvalid, CmiValues, readDecimal, readSessionTime, readVocabulary } from './cmi-values';
import { rawScoreOnLedgerScale, RawScoreElements, tidy } from './ledger-score';
import type { ReadOutcome, ScormOutcome } from './scorm-commit';
import { parseCmiTimespan } from './scorm-session-time';

const LESSON_STATUS = 'cmi.core.lesson_status';
const SESSION_TIME = 'cmi.core.session_time';
/** Read-only for the content: the LMS's value from the manifest (adlcp:masteryscore), relayed by the client. */
const MASTERY_SCORE = 'cmi.student_data.mastery_score';
const SCORE: RawScoreElements = { raw: 'cmi.core.score.raw', min: 'cmi.core.score.min', max: 'cmi.core.score.max' };

/** The SCORM 1.2 elements this endpoint reads; every other element a player commits is ignored. */
export const SCORM12_ELEMENTS = [LESSON_STATUS, SESSION_TIME, MASTERY_SCORE, SCORE.raw, SCORE.min, SCORE.max];

const LESSON_STATUSES = ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'] as const;
type LessonStatus = (typeof LESSON_STATUSES)[number];

/**
 * 1.2 has one status for both completion and success. `passed` and `failed` are only ever set once
 * the learner finished the content, so both imply completion.
 */
const FROM_LESSON_STATUS: Record<LessonStatus, Pick<ScormOutcome, 'completion' | 'success'>> = {
  passed: { completion: 'completed', success: 'passed' },
  failed: { completion: 'completed', success: 'failed' },
  completed: { completion: 'completed', success: 'not-reported' },
  incomplete: { completion: 'not-completed', success: 'not-reported' },
  browsed: { completion: 'not-completed', success: 'not-reported' },
  'not attempted': { completion: 'not-completed', success: 'not-reported' },
};

/** Reads a SCORM 1.2 commit's CMI values into an edition-neutral outcome, naming every bad element. */
export function readScorm12(cmi: CmiValues): ReadOutcome {
  const errors: FieldError[] = [];
  const status = readVocabulary(cmi, LESSON_STATUS, LESSON_STATUSES, errors);
  const sessionSeconds = readSessionTime(cmi, SESSION_TIME, parseCmiTimespan, errors);
  const values = { raw: readDecimal(cmi, SCORE.raw, errors), min: readDecimal(cmi, SCORE.min, errors), max: readDecimal(cmi, SCORE.max, errors) };
  const mastery = readDecimal(cmi, MASTERY_SCORE, errors, { min: 0, max: 100 });
  const score = anyInvalid(errors, [SCORE.raw, SCORE.min, SCORE.max]) ? null : rawScoreOnLedgerScale(values, SCORE, errors);
  const passMark = score && mastery !== null ? masteryOnLedgerScale(mastery, values.min ?? 0, score.maxScore, errors) : null;
  const outcome: ScormOutcome = {
    sessionSeconds,
    ...(status ? FROM_LESSON_STATUS[status] : { completion: 'not-reported', success: 'not-reported' }),
    score,
    passMark,
    elements: { status: LESSON_STATUS, score: SCORE.raw },
    scoreNotes: [],
  };
  return { outcome, errors };
}

/** The mastery score is on the raw scale, so it moves with the score when `score.min` is not 0. */
function masteryOnLedgerScale(mastery: number, lowest: number, maxScore: number, errors: FieldError[]): number | null {
  const passMark = tidy(mastery - lowest);
  if (passMark < 0 || passMark > maxScore) {
    errors.push({ field: MASTERY_SCORE, reason: `must lie within ${SCORE.min}..${SCORE.max} (${lowest}..${tidy(lowest + maxScore)}), got ${mastery}` });
    return null;
  }
  return passMark;
}
