import type { FieldError } from '@ledger/events';
import type { SessionTimeResult } from './scorm-session-time';

/** The data-model elements a player committed, keyed by their SCORM names (`cmi.core.lesson_status`). */
export type CmiValues = Record<string, unknown>;

/** The longest single access SessionAccessed accepts (its `timeSpentSeconds` maximum): one week. */
export const LONGEST_ACCESS_SECONDS = 7 * 24 * 3600;

/** CMIDecimal as text (`"80"`, `"-0.5"`, `".75"`); the SCORM API passes every value as a string. */
const DECIMAL_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A number the commit set, or null when it left the element out or blank (SCORM 1.2's CMIBlank `""`
 * means "not set" for scores). JSON numbers are accepted as well as strings.
 */
export function readDecimal(cmi: CmiValues, element: string, errors: FieldError[], range?: { min: number; max: number }): number | null {
  const raw = cmi[element];
  if (raw === undefined || raw === '') return null;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && DECIMAL_TEXT.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isFinite(value)) {
    errors.push({ field: element, reason: `must be a decimal number, got ${JSON.stringify(raw)}` });
    return null;
  }
  if (range && (value < range.min || value > range.max)) {
    errors.push({ field: element, reason: `must be between ${range.min} and ${range.max}, got ${value}` });
    return null;
  }
  return value;
}

/** One word of an element's vocabulary, or null when the element was not set. */
export function readVocabulary<T extends string>(cmi: CmiValues, element: string, vocabulary: readonly T[], errors: FieldError[]): T | null {
  const raw = cmi[element];
  if (raw === undefined) return null;
  if (typeof raw === 'string' && (vocabulary as readonly string[]).includes(raw)) return raw as T;
  errors.push({ field: element, reason: `must be one of ${vocabulary.map((word) => `"${word}"`).join(', ')}, got ${JSON.stringify(raw)}` });
  return null;
}

/**
 * The session time in whole seconds, or null when the commit did not set one. Rounded to the nearest
 * second, halves up (`00:00:02.5` → 3): the ledger counts whole seconds, and nearest keeps the error of
 * each access under half a second in either direction rather than always losing or adding time.
 */
export function readSessionTime(cmi: CmiValues, element: string, parse: (text: string) => SessionTimeResult, errors: FieldError[]): number | null {
  const raw = cmi[element];
  if (raw === undefined) return null;
  if (typeof raw !== 'string') {
    errors.push({ field: element, reason: `must be a string, got ${JSON.stringify(raw)}` });
    return null;
  }
  const parsed = parse(raw);
  if (!parsed.ok) {
    errors.push({ field: element, reason: parsed.reason });
    return null;
  }
  const seconds = Math.round(parsed.seconds);
  if (seconds > LONGEST_ACCESS_SECONDS) {
    errors.push({ field: element, reason: `is ${seconds} seconds; one access is at most ${LONGEST_ACCESS_SECONDS} (7 days)` });
    return null;
  }
  return seconds;
}

/** Whether any of `elements` already has an error (so checks that combine them would only add noise). */
export function anyInvalid(errors: FieldError[], elements: string[]): boolean {
  return errors.some((error) => elements.includes(error.field));
}
