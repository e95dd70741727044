/** A parsed session time in (possibly fractional) seconds, or why the text is not one. */
export type SessionTimeResult = { ok: true; seconds: number } | { ok: false; reason: string };

/**
 * SCORM 1.2 CMITimespan, `HHHH:MM:SS.SS`. The spec asks for 2–4 hour digits and at most two
 * fractional digits; one-digit hours and longer fractions are accepted too, because real players send
 * them and they cannot be misread.
 */
const CMI_TIMESPAN = /^(\d{1,4}):(\d{2}):(\d{2}(?:\.\d+)?)$/;

export function parseCmiTimespan(text: string): SessionTimeResult {
  const match = CMI_TIMESPAN.exec(text);
  if (!match) return { ok: false, reason: `must be a CMITimespan HHHH:MM:SS.SS, e.g. 0001:30:05.5, got "${text}"` };
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (minutes >= 60) return { ok: false, reason: `minutes must be 00–59, got "${text}"` };
  if (seconds >= 60) return { ok: false, reason: `seconds must be below 60, got "${text}"` };
  return { ok: true, seconds: hours * 3600 + minutes * 60 + seconds };
}

/**
 * SCORM 2004 timeinterval, the ISO 8601 duration `P[nY][nM][nD][T[nH][nM][n[.n]S]]`; only seconds
 * may be fractional. Years and months have no fixed length, so they are accepted only as zero
 * (some players always write `P0Y0M…`). The week form `PnW` is not part of the SCORM format.
 */
const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function parseIsoDuration(text: string): SessionTimeResult {
  const match = ISO_DURATION.exec(text);
  const invalid = `must be an ISO 8601 duration such as PT1H2M3.5S, got "${text}"`;
  if (!match || text === 'P' || text.endsWith('T')) return { ok: false, reason: invalid };
  const [years, months, days, hours, minutes, seconds] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  if (years > 0 || months > 0) return { ok: false, reason: `years and months have no fixed length and cannot measure a session, got "${text}"` };
  return { ok: true, seconds: days * 86_400 + hours * 3600 + minutes * 60 + seconds };
}
