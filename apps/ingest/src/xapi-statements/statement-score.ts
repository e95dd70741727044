import { isJsonObject } from '@ledger/events';
import { CMI5_MASTERY_SCORE } from './xapi-verbs';

/** A score on the ledger's scale, which starts at 0. */
export interface LedgerScore {
  score: number;
  maxScore: number;
}

/**
 * `result.score` on the ledger's scale:
 * - `raw` with `max`: raw and max, less `min` (default 0), so 70 in 50..100 is 20 of 50;
 * - otherwise `scaled` (-1..1) as a percentage of 100, below 0 recorded as 0 (the ledger has no
 *   negative scores);
 * - otherwise (no score, or `raw` without `max`, whose scale is unknown) none.
 * `raw` is preferred because it is what the content showed the learner.
 */
export function statementScore(score: unknown): LedgerScore | null {
  if (!isJsonObject(score)) return null;
  const { raw, min, max, scaled } = score as { raw?: number; min?: number; max?: number; scaled?: number };
  const lowest = min ?? 0;
  if (raw !== undefined && max !== undefined && raw >= lowest && max > lowest) return { score: tidy(raw - lowest), maxScore: tidy(max - lowest) };
  if (scaled !== undefined) return { score: tidy(Math.max(0, scaled) * 100), maxScore: 100 };
  return null;
}

/** The cmi5 mastery score (scaled 0..1) on the score's scale; null when the statement declares none (recorded as unknown, never as 0). */
export function ledgerPassMark(maxScore: number, context: Record<string, unknown> | undefined): number | null {
  const extensions = context?.extensions;
  const mastery = isJsonObject(extensions) ? extensions[CMI5_MASTERY_SCORE] : undefined;
  return typeof mastery === 'number' ? tidy(mastery * maxScore) : null;
}

/** Removes binary floating-point noise (0.07 * 100 = 7.000000000000001). */
function tidy(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}
