/** A duration in seconds, or why the text cannot be one. */
export type DurationResult = { ok: true; seconds: number } | { ok: false; reason: string };

/**
 * ISO 8601 duration as xAPI uses it for `result.duration`: `P[nY][nM][nW][nD][T[nH][nM][nS]]`, where
 * any number may have a decimal fraction (PT45.5S, PT1.5H). Years and months have no fixed length,
 * so a duration using them is valid xAPI but cannot be counted in seconds.
 */
const ISO_DURATION = /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const SECONDS_PER = { week: 7 * 86_400, day: 86_400, hour: 3600, minute: 60 };

/** Whether `text` is an ISO 8601 duration at all (it may still use years or months). */
export function isIsoDuration(text: unknown): text is string {
  return typeof text === 'string' && ISO_DURATION.test(text) && text !== 'P' && !text.endsWith('T');
}

/** The duration in (possibly fractional) seconds. */
export function durationSeconds(text: string): DurationResult {
  const match = ISO_DURATION.exec(text);
  if (!match || !isIsoDuration(text)) return { ok: false, reason: `must be an ISO 8601 duration such as PT1H30M or PT45.5S, got "${text}"` };
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part.replace(',', '.'))));
  if (years > 0 || months > 0) return { ok: false, reason: `years and months have no fixed length, so they cannot measure time spent; got "${text}"` };
  return { ok: true, seconds: weeks * SECONDS_PER.week + days * SECONDS_PER.day + hours * SECONDS_PER.hour + minutes * SECONDS_PER.minute + seconds };
}
