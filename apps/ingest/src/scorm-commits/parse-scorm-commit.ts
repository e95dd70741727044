import { FieldError, MAX_FUTURE_SKEW_MS, ParseResult } from '@ledger/events';
import type { CmiValues } from './cmi-values';
import { readScorm12, SCORM12_ELEMENTS } from './read-scorm12';
import { readScorm2004, SCORM2004_ELEMENTS } from './read-scorm2004';
import { CommitIdentity, ReadOutcome, SCORM_VERSIONS, ScormOutcome, ScormVersion } from './scorm-commit';

/** A commit that passed every check: who and which commit it is, and what it reported. */
export interface ParsedScormCommit {
  identity: CommitIdentity;
  outcome: ScormOutcome;
}

const ID_FIELDS = ['learnerId', 'sessionId', 'attemptId'] as const;
const BODY_FIELDS = new Set<string>([...ID_FIELDS, 'commitId', 'occurredAt', 'scormVersion', 'cmi']);
/** The ledger's limit for ids (subject, actor); kept for every id so a derived event is never refused later. */
const MAX_ID_LENGTH = 200;
/** ISO-8601 date-time with an explicit zone, the form the ledger's `occurredAt` takes. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const READERS: Record<ScormVersion, { read: (cmi: CmiValues) => ReadOutcome; otherEdition: { version: ScormVersion; elements: string[] } }> = {
  '1.2': { read: readScorm12, otherEdition: { version: '2004', elements: SCORM2004_ELEMENTS } },
  '2004': { read: readScorm2004, otherEdition: { version: '1.2', elements: SCORM12_ELEMENTS } },
};

/**
 * Checks a SCORM run-time commit as a client posted it and reads its CMI values. Every problem is
 * reported at once, each naming its field (`commitId`, `cmi.core.session_time`, …).
 */
export function parseScormCommit(body: unknown, now: Date): ParseResult<ParsedScormCommit> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, errors: [{ field: '', reason: 'body must be a JSON object' }] };
  const input = body as Record<string, unknown>;
  const errors: FieldError[] = Object.keys(input)
    .filter((key) => !BODY_FIELDS.has(key))
    .map((key) => ({ field: key, reason: 'is not a field of a SCORM commit' }));
  const ids = ID_FIELDS.map((field) => readId(input[field], field, errors));
  const commitId = readCommitId(input.commitId, errors);
  const occurredAt = readOccurredAt(input.occurredAt, now, errors);
  const read = readCmi(input.scormVersion, input.cmi, errors);
  if (errors.length > 0 || !read) return { ok: false, errors };
  const [learnerId, sessionId, attemptId] = ids as string[];
  return { ok: true, value: { identity: { learnerId, sessionId, attemptId, commitId: commitId!, occurredAt: occurredAt! }, outcome: read.outcome } };
}

function readId(value: unknown, field: string, errors: FieldError[]): string | undefined {
  if (typeof value !== 'string' || value.trim().length === 0) {
    errors.push({ field, reason: value === undefined ? 'is required' : 'must be a non-empty string' });
    return undefined;
  }
  if (value.length > MAX_ID_LENGTH) {
    errors.push({ field, reason: `must be at most ${MAX_ID_LENGTH} characters` });
    return undefined;
  }
  return value;
}

/** A client commit id, or a commit sequence number (0, 1, 2 … within the attempt), kept as text. */
function readCommitId(value: unknown, errors: FieldError[]): string | undefined {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return String(value);
    errors.push({ field: 'commitId', reason: `a commit sequence number must be a whole number ≥ 0, got ${value}` });
    return undefined;
  }
  return readId(value, 'commitId', errors);
}

function readOccurredAt(value: unknown, now: Date, errors: FieldError[]): string | undefined {
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(at)) {
    errors.push({ field: 'occurredAt', reason: value === undefined ? 'is required' : 'must be an ISO-8601 date-time with a time zone, e.g. 2026-11-24T09:30:00Z' });
    return undefined;
  }
  if (at > now.getTime() + MAX_FUTURE_SKEW_MS) {
    errors.push({ field: 'occurredAt', reason: `must not be more than ${MAX_FUTURE_SKEW_MS / 60000} minutes in the future` });
    return undefined;
  }
  return new Date(at).toISOString();
}

function readCmi(version: unknown, cmi: unknown, errors: FieldError[]): ReadOutcome | undefined {
  const known = typeof version === 'string' && (SCORM_VERSIONS as readonly string[]).includes(version);
  if (!known) errors.push({ field: 'scormVersion', reason: `must be one of ${SCORM_VERSIONS.map((v) => `"${v}"`).join(', ')}, got ${JSON.stringify(version)}` });
  if (typeof cmi !== 'object' || cmi === null || Array.isArray(cmi)) {
    errors.push({ field: 'cmi', reason: 'must be an object of CMI element names to values, e.g. { "cmi.core.lesson_status": "passed" }' });
    return undefined;
  }
  if (!known) return undefined;
  const reader = READERS[version as ScormVersion];
  const { version: otherVersion, elements: otherElements } = reader.otherEdition;
  for (const element of Object.keys(cmi).filter((key) => otherElements.includes(key))) {
    errors.push({ field: element, reason: `is a SCORM ${otherVersion} element, but the commit says scormVersion "${version}"` });
  }
  const read = reader.read(cmi as CmiValues);
  errors.push(...read.errors);
  return read;
}
