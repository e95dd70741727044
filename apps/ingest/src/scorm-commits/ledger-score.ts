import type { FieldError } from '@ledger/events';
import type { LedgerScore } from './scorm-commit';

/** The names of the raw-score elements of one SCORM edition (`cmi.core.score.raw`, …). */
export interface RawScoreElements {
  raw: string;
  min: string;
  max: string;
}

/** When the content sets no `score.max` its raw score is read as a percentage. */
export const DEFAULT_RAW_MAX = 100;

/**
 * A raw score on the ledger's scale, which starts at 0: `score.min` (default 0) is subtracted from the
 * score and from the maximum, so a score of 70 in 50–100 is recorded as 20 of 50 (the same 40%).
 * Null when no raw score was set: a min or max alone says nothing about the learner.
 */
export function rawScoreOnLedgerScale(
  values: { raw: number | null; min: number | null; max: number | null },
  elements: RawScoreElements,
  errors: FieldError[],
): LedgerScore | null {
  if (values.raw === null) return null;
  const lowest = values.min ?? 0;
  const highest = values.max ?? DEFAULT_RAW_MAX;
  if (highest <= lowest) {
    errors.push({ field: elements.max, reason: `must be above ${elements.min} (${lowest}), got ${highest}` });
    return null;
  }
  if (values.raw < lowest || values.raw > highest) {
    errors.push({ field: elements.raw, reason: `must lie within ${elements.min}..${elements.max} (${lowest}..${highest}), got ${values.raw}` });
    return null;
  }
  return { score: tidy(values.raw - lowest), maxScore: tidy(highest - lowest) };
}

/**
 * A scaled value (-1..1) as a percentage. The ledger has no negative scores, so below zero is
 * recorded as 0 and `clamped` says so.
 */
export function percentOfScaled(scaled: number): { percent: number; clamped: boolean } {
  return { percent: tidy(Math.max(0, scaled) * 100), clamped: scaled < 0 };
}

/** Removes binary floating-point noise (0.07 * 100 = 7.000000000000001); SCORM decimals carry at most 7 digits. */
export function tidy(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}
