import { DECORATORS } from '@nestjs/swagger';
import { knownEventTypes } from './event-types';
import { decodeLedgerEvent, encodeLedgerEvent } from './codec';
import { parseSubmittedEvent } from './parse-event';
import { payloadShapeOf } from './payload-shapes';
import { INVALID_PAYLOAD_CASES, invalidPayloadCase, invalidPayloadOf, submittedEnvelope } from './testing/catalogue-cases';

const now = new Date('2026-11-24T12:00:00Z');
const types = knownEventTypes().map((payload) => [payload.type, payload] as const);

describe('the event catalogue', () => {
  it('registers exactly the event types of the KnownLedgerEvent union', () => {
    expect(types.map(([type]) => type).sort()).toEqual(Object.keys(INVALID_PAYLOAD_CASES).sort());
  });

  it.each(types)('accepts the example of %s at its current version, unchanged', (_type, payload) => {
    const submitted = submittedEnvelope(payload, payload.example, now);
    const result = parseSubmittedEvent(submitted, now);
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ type: payload.type, version: payload.version, data: payload.example }) });
  });

  it.each(types)('rejects an invalid %s, naming the bad field and only it', (type, payload) => {
    const bad = invalidPayloadCase(type);
    if (!bad) throw new Error(`no invalid case for ${type}`);
    const result = parseSubmittedEvent(submittedEnvelope(payload, invalidPayloadOf(payload, bad), now), now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => error.field)).toEqual([`data.${bad.field}`]);
  });

  it.each(types)('reads the example of %s back from the ledger unchanged, its shape naming exactly its fields', (_type, payload) => {
    expect(Object.keys(payloadShapeOf(payload.type) ?? {}).sort()).toEqual(Object.keys(payload.example).sort());
    const accepted = parseSubmittedEvent(submittedEnvelope(payload, payload.example, now), now);
    if (!accepted.ok) throw new Error(`the example of ${payload.type} must be accepted`);
    const stored = { ...accepted.value, recordedAt: now.toISOString(), source: 'catalogue-test' };
    expect(decodeLedgerEvent(encodeLedgerEvent(stored))).toEqual({ ok: true, value: stored });
  });

  it.each(types)('documents every field of %s for the API', (_type, payload) => {
    const documented: string[] = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, payload.prototype) ?? [];
    expect(documented.map((name) => name.replace(/^:/, '')).sort()).toEqual(Object.keys(payload.example).sort());
  });
});

describe('payload rules worth stating', () => {
  const parse = (payload: (typeof types)[number][1], data: Record<string, unknown>) => parseSubmittedEvent(submittedEnvelope(payload, data, now), now);
  const byType = new Map(types);

  it('takes null as a fact where it is one, but never a missing field', () => {
    const location = byType.get('EmploymentLocationSet')!;
    expect(parse(location, { odsCode: null, jobRole: null }).ok).toBe(true);
    expect(parse(location, { odsCode: 'A81001' })).toMatchObject({ ok: false, errors: [{ field: 'data.jobRole' }] });
  });

  it('takes a viewer scope of "all" or a list of distinct programmes', () => {
    const authorised = byType.get('ViewerAuthorised')!;
    expect(parse(authorised, { viewerId: 'tutor-1', scope: 'all' }).ok).toBe(true);
    expect(parse(authorised, { viewerId: 'tutor-1', scope: ['p-1', 'p-2'] }).ok).toBe(true);
    expect(parse(authorised, { viewerId: 'tutor-1', scope: [] })).toMatchObject({ ok: false, errors: [{ field: 'data.scope' }] });
    expect(parse(authorised, { viewerId: 'tutor-1', scope: ['p-1', 'p-1'] })).toMatchObject({ ok: false, errors: [{ field: 'data.scope' }] });
  });

  it('takes an empty session list for a course still being authored', () => {
    const course = byType.get('CourseDefined')!;
    expect(parse(course, { ...course.example, sessionIds: [] }).ok).toBe(true);
  });
});
