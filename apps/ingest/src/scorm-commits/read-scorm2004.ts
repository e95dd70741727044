import type { FieldError } from '@ledger/events';
import { anyInvalid, CmiValues, readDecimal, readSessionTime, readVocabulary } from './cmi-values';
import { percentOfScaled, rawScoreOnLedgerScale, RawScoreElements, tidy } from './ledger-score';
import type { LedgerScore, ReadOutcome, ScormOutcome } from './scorm-commit';
import { parseIsoDuration } from './scorm-session-time';

const COMPLETION_STATUS = 'cmi.completion_status';
const SUCCESS_STATUS = 'cmi.success_status';
const SESSION_TIME = 'cmi.session_time';
const SCALED_SCORE = 'cmi.score.scaled';
/** Read-only for the content: the LMS's value from the manifest (imsss:minNormalizedMeasure), relayed by the client. */
const SCALED_PASSING_SCORE = 'cmi.scaled_passing_score';
const SCORE: RawScoreElements = { raw: 'cmi.score.raw', min: 'cmi.score.min', max: 'cmi.score.max' };
const SCALED_RANGE = { min: -1, max: 1 };

/** The SCORM 2004 elements this endpoint reads; every other element a player commits is ignored. */
export const SCORM2004_ELEMENTS = [COMPLETION_STATUS, SUCCESS_STATUS, SESSION_TIME, SCALED_SCORE, SCALED_PASSING_SCORE, SCORE.raw, SCORE.min, SCORE.max];

const COMPLETION_STATUSES = ['completed', 'incomplete', 'not attempted', 'unknown'] as const;
const SUCCESS_STATUSES = ['passed', 'failed', 'unknown'] as const;
const FROM_COMPLETION_STATUS: Record<(typeof COMPLETION_STATUSES)[number], ScormOutcome['completion']> = {
  completed: 'completed',
  incomplete: 'not-completed',
  'not attempted': 'not-completed',
  unknown: 'not-reported',
};

/**
 * Reads a SCORM 2004 commit's CMI values into an edition-neutral outcome, naming every bad element.
 * 2004 reports completion and success separately; `unknown` means the content has not decided.
 */
export function readScorm2004(cmi: CmiValues): ReadOutcome {
  const errors: FieldError[] = [];
  const scoreNotes: FieldError[] = [];
  const completion = readVocabulary(cmi, COMPLETION_STATUS, COMPLETION_STATUSES, errors);
  const success = readVocabulary(cmi, SUCCESS_STATUS, SUCCESS_STATUSES, errors);
  const sessionSeconds = readSessionTime(cmi, SESSION_TIME, parseIsoDuration, errors);
  const scaled = readDecimal(cmi, SCALED_SCORE, errors, SCALED_RANGE);
  const scaledPassing = readDecimal(cmi, SCALED_PASSING_SCORE, errors, SCALED_RANGE);
  const values = { raw: readDecimal(cmi, SCORE.raw, errors), min: readDecimal(cmi, SCORE.min, errors), max: readDecimal(cmi, SCORE.max, errors) };
  const fromRaw = rawScore(values, errors);
  const scored = scaled !== null ? scaledScore(scaled, scoreNotes) : fromRaw;
  const outcome: ScormOutcome = {
    sessionSeconds,
    completion: completion ? FROM_COMPLETION_STATUS[completion] : 'not-reported',
    success: success === 'passed' || success === 'failed' ? success : 'not-reported',
    score: scored?.score ?? null,
    passMark: scored && scaledPassing !== null ? passMarkFor(scaledPassing, scored, scoreNotes) : null,
    elements: { status: SUCCESS_STATUS, score: scored?.element ?? SCALED_SCORE },
    scoreNotes,
  };
  return { outcome, errors };
}

/**
 * A score and the element it came from. `scaled` is preferred when both are set, being the score 2004
 * itself judges success by; the raw elements are still checked so every bad element is named.
 */
interface Scored {
  score: LedgerScore;
  element: string;
  fromScaled: boolean;
}

function scaledScore(scaled: number, notes: FieldError[]): Scored {
  const { percent, clamped } = percentOfScaled(scaled);
  if (clamped) notes.push({ field: SCALED_SCORE, reason: `${scaled} is below zero; recorded as a score of 0 of 100` });
  return { score: { score: percent, maxScore: 100 }, element: SCALED_SCORE, fromScaled: true };
}

function rawScore(values: { raw: number | null; min: number | null; max: number | null }, errors: FieldError[]): Scored | null {
  if (anyInvalid(errors, [SCORE.raw, SCORE.min, SCORE.max])) return null;
  const score = rawScoreOnLedgerScale(values, SCORE, errors);
  return score && { score, element: SCORE.raw, fromScaled: false };
}

/**
 * The scaled passing score as a fraction of the score's range: a percentage beside a scaled score,
 * that share of `maxScore` beside a raw one. Below zero every score passes, so it is recorded as 0.
 */
function passMarkFor(scaledPassing: number, scored: Scored, notes: FieldError[]): number {
  const { percent, clamped } = percentOfScaled(scaledPassing);
  if (clamped) notes.push({ field: SCALED_PASSING_SCORE, reason: `${scaledPassing} is below zero; recorded as a pass mark of 0` });
  return scored.fromScaled ? percent : tidy((percent / 100) * scored.score.maxScore);
}
