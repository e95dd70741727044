import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { bearer, eventually, isolatedAppEnv, REPORTING_AUDIENCE, testClientToken, testPersonToken } from '@ledger/test-harness';
import { startIngestForTest } from '../apps/ingest/src/testing/start-ingest-for-test';
import { startProjectorForTest } from '../apps/projector/src/testing/start-projector-for-test';
import { startReportingForTest } from '../apps/reporting/src/testing/start-reporting-for-test';
import { pdfTextPages, qrCodeOnPage } from './support/pdf-pages';

type Link = { kind: string; containerId: string; title: string; certificate: string; missing: string[] };
type Listing = { programmes: Array<{ programmeId: string; programme: Link; parts: Link[] }>; issued: Array<{ verificationCode: string; scopeId: string; factsHash: string }> };

/**
 * Certificates through the public interfaces of the real apps: catalogue, people and activity through
 * ingest with real client tokens, projected by the real projector, and each certificate listed,
 * downloaded (PDF read back with pdftotext, its QR code read off the page image), verified and turned
 * into an Open Badges credential through reporting with the learner's real token.
 */
describe('certificates, end to end', () => {
  const apps: INestApplication[] = [];
  const env = isolatedAppEnv({ HUB_NAME: 'Test e-Learning Hub', REPORTING_RATE_LIMIT_PER_MINUTE: '100000' });
  let ingestUrl = '';
  let reportingUrl = '';
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const passedAt = minutesAgo(280);
  const ukDate = (instant: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(instant));

  const event = (type: string, subject: string, data: object, occurredAt = minutesAgo(300)) => ({
    eventId: randomUUID(),
    type,
    version: type === 'LearnerRegistered' ? 2 : 1,
    occurredAt,
    subject,
    actor: subject,
    data,
  });
  const append = async (client: string, events: object[]) => {
    const response = await fetch(`${ingestUrl}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(await testClientToken(client)) }, body: JSON.stringify({ events }) });
    expect(response.status).toBe(202);
  };
  const session = (sessionId: string, title: string, parentType: string, parentId: string, requiresPass: boolean) =>
    event('SessionDefined', sessionId, { sessionId, title, parentType, parentId, requiresPass }, minutesAgo(600));
  const container = (type: 'CourseDefined' | 'LearningPathDefined', id: string, programmeId: string, title: string, sessionIds: string[], omitsSummaryFromCertificate = false) =>
    event(type, id, { [type === 'CourseDefined' ? 'courseId' : 'learningPathId']: id, programmeId, title, sessionIds, issuesCertificate: true, omitsSummaryFromCertificate, statusPolicy: 'latest' }, minutesAgo(600));
  const scored = (sessionId: string, attemptId: string, passed: boolean, at: string) => event('AssessmentScored', 'learner-asha', { sessionId, attemptId, score: passed ? 9 : 4, maxScore: 10, passMark: 8, passed }, at);
  const completed = (sessionId: string, at: string) => event('SessionCompleted', 'learner-asha', { sessionId, attemptId: `${sessionId}-a1` }, at);

  const asPerson = async (who: string) => bearer(await testPersonToken(who, REPORTING_AUDIENCE));
  const api = async (who: string, path: string, init: RequestInit = {}, base = reportingUrl) => fetch(`${base}${path}`, { ...init, headers: { ...(init.headers ?? {}), ...(await asPerson(who)) } });
  const listing = async (): Promise<Listing> => (await (await api('learner-asha', '/v1/learners/learner-asha/certificates')).json()) as Listing;
  const link = (l: Listing, containerId: string) => l.programmes.flatMap((p) => [p.programme, ...p.parts]).find((c) => c.containerId === containerId);
  const until = (check: (l: Listing) => boolean) => eventually(async () => {
    const l = await listing();
    return check(l) ? l : undefined;
  });
  const download = (kind: string, id: string, who = 'learner-asha', base = reportingUrl) => api(who, `/v1/learners/learner-asha/certificates/${kind}/${id}`, { method: 'POST' }, base);
  const verified = (code: string, status: string) => eventually(async () => {
    const body = (await (await fetch(`${reportingUrl}/verify/${code}`)).json()) as { status: string };
    return body.status === status ? body : undefined;
  });

  beforeAll(async () => {
    const ingest = await startIngestForTest(env);
    const projector = await startProjectorForTest(env);
    const reporting = await startReportingForTest({ ...env, INGEST_URL: ingest.url });
    apps.push(ingest.app, projector.app, reporting.app);
    ingestUrl = ingest.url;
    reportingUrl = reporting.url;
    await append('catalogue-tool', [
      event('ProgrammeDefined', 'prog-ipc', { programmeId: 'prog-ipc', title: 'Infection Prevention', issuesCertificate: true, omitsSummaryFromCertificate: false }, minutesAgo(600)),
      container('CourseDefined', 'course-hands', 'prog-ipc', 'Hand Hygiene', ['hands-reading', 'hands-assessment']),
      session('hands-reading', 'Hand Hygiene: Reading', 'course', 'course-hands', false),
      session('hands-assessment', 'Hand Hygiene: Assessment', 'course', 'course-hands', true),
      container('LearningPathDefined', 'path-ppe', 'prog-ipc', 'Personal Protective Equipment', ['ppe-video', 'ppe-quiz']),
      session('ppe-video', 'PPE: Video', 'learning-path', 'path-ppe', false),
      session('ppe-quiz', 'PPE: Quiz', 'learning-path', 'path-ppe', false),
      event('ProgrammeDefined', 'prog-laser', { programmeId: 'prog-laser', title: 'Laser Safety', issuesCertificate: false, omitsSummaryFromCertificate: true }, minutesAgo(600)),
      container('CourseDefined', 'course-laser', 'prog-laser', 'Laser Safety Core', ['laser-1'], true),
      session('laser-1', 'Laser Safety: Core', 'course', 'course-laser', false),
    ]);
    await append('hr-feed', [event('LearnerRegistered', 'learner-asha', { givenName: 'Asha', familyName: 'Patel', email: 'asha.patel@nhs.net', emailIsWorkEmail: true }, minutesAgo(700))]);
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  let firstCode = '';
  let firstHash = '';

  it('greys a certificate until a required pass, a learning path and a programme are complete, saying what is missing', async () => {
    await append('demo-player', [completed('hands-reading', minutesAgo(300)), scored('hands-assessment', 'a1', false, minutesAgo(290))]);
    const greyed = await until((l) => link(l, 'course-hands')?.missing.length === 2 && link(l, 'path-ppe') !== undefined);
    expect(link(greyed, 'course-hands')).toMatchObject({ certificate: 'unavailable', missing: ['1 of 2 sessions done', 'Hand Hygiene: Assessment not yet passed'] });
    expect(link(greyed, 'path-ppe')).toMatchObject({ certificate: 'unavailable', missing: ['0 of 2 sessions done'] });
    expect(link(greyed, 'prog-ipc')).toMatchObject({ certificate: 'unavailable', missing: expect.arrayContaining(['0 of 2 courses and learning paths complete']) });
    expect(greyed.programmes.map((p) => p.programmeId)).toEqual(['prog-ipc']);

    await append('demo-player', [scored('hands-assessment', 'a2', true, passedAt)]);
    const coursePassed = await until((l) => link(l, 'course-hands')?.certificate === 'available');
    expect(link(coursePassed, 'prog-ipc')).toMatchObject({ certificate: 'unavailable', missing: ['1 of 2 courses and learning paths complete', 'Personal Protective Equipment not yet complete (0 of 2 sessions done)'] });

    await append('demo-player', [completed('ppe-video', minutesAgo(275)), completed('ppe-quiz', minutesAgo(270)), completed('laser-1', minutesAgo(260))]);
    const all = await until((l) => link(l, 'prog-ipc')?.certificate === 'available' && link(l, 'course-laser')?.certificate === 'available');
    expect(link(all, 'path-ppe')).toMatchObject({ certificate: 'available', missing: [] });
    const programme = await download('programme', 'prog-ipc');
    expect(programme.status).toBe(200);
    const [certificate, ...summary] = pdfTextPages(Buffer.from(await programme.arrayBuffer()));
    expect(certificate).toMatch(/has completed the programme\s+Infection Prevention/);
    expect(summary.join('\n')).toContain('PPE: Quiz');
    // Laser Safety's programme offers no certificate of its own; its course does, so it is listed.
    expect(all.programmes.find((p) => p.programmeId === 'prog-laser')?.programme.certificate).toBe('not-offered');
  });

  it('downloads a course certificate: page 1 with name, title, completion date, hub, code and a QR code of the verification page; then the summary', async () => {
    const response = await download('course', 'course-hands');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    firstCode = response.headers.get('x-verification-code') ?? '';
    firstHash = response.headers.get('x-facts-hash') ?? '';
    expect(firstCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const pdf = Buffer.from(await response.arrayBuffer());
    const [page1, ...summary] = pdfTextPages(pdf);
    for (const text of ['Test e-Learning Hub', 'Certificate of completion', 'Asha Patel', 'has completed the course', 'Hand Hygiene', `Completed on`, ukDate(passedAt), firstCode]) expect(page1).toContain(text);
    expect(page1).not.toContain('Programme/course summary');
    expect(qrCodeOnPage(pdf)).toBe(`${reportingUrl}/verify-certificate/${firstCode}`);
    expect(summary.length).toBeGreaterThanOrEqual(1);
    expect(summary[0]).toContain('Programme/course summary');
    expect(summary.join('\n')).toMatch(/Hand Hygiene: Reading\s+Completed/);
    expect(summary.join('\n')).toMatch(/Hand Hygiene: Assessment \(pass required\)\s+Passed/);
  });

  it('regenerates alike: a second download of an unchanged record has a new code and the same facts hash; both verify as valid', async () => {
    const again = await download('course', 'course-hands');
    expect(again.status).toBe(200);
    expect(again.headers.get('x-facts-hash')).toBe(firstHash);
    const secondCode = again.headers.get('x-verification-code');
    expect(secondCode).not.toBe(firstCode);
    for (const code of [firstCode, secondCode!]) await verified(code, 'valid');
    const issued = await until((l) => l.issued.filter((i) => i.scopeId === 'course-hands').length === 2);
    expect(issued.issued.filter((i) => i.scopeId === 'course-hands').map((i) => i.factsHash)).toEqual([firstHash, firstHash]);
  });

  it('verification shows only the name, title, completion and issue dates and the status; no sign-in needed', async () => {
    const body = (await (await fetch(`${reportingUrl}/verify/${firstCode.toLowerCase().replace(/-/g, ' ')}`)).json()) as Record<string, unknown>;
    expect(body).toEqual({
      verificationCode: firstCode,
      status: 'valid',
      statusText: 'Valid: the current record still supports this certificate.',
      certificate: { learnerName: 'Asha Patel', title: 'Hand Hygiene', completedAt: passedAt, issuedAt: expect.any(String) },
    });
    const page = await fetch(`${reportingUrl}/verify-certificate/${firstCode}`);
    expect(page.status).toBe(200);
    const main = (await page.text()).match(/<main[\s\S]*<\/main>/)?.[0] ?? '';
    const text = main.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const shown of ['Valid', 'Asha Patel', 'Hand Hygiene', ukDate(passedAt), firstCode]) expect(text).toContain(shown);
    for (const hidden of ['learner-asha', 'asha.patel@nhs.net', 'Assessment', 'Reading', 'prog-ipc', 'course-hands', firstHash]) expect(main).not.toContain(hidden);
    const unknown = (await (await fetch(`${reportingUrl}/verify/ABCD-EFGH-JKMN`)).json()) as Record<string, unknown>;
    expect(unknown).toEqual({ verificationCode: 'ABCD-EFGH-JKMN', status: 'not-recognised', statusText: expect.stringMatching(/^Not recognised/), certificate: null });
  });

  it('gives each issued certificate as an Open Badges credential that verifies offline with the published key, and not once altered', async () => {
    const response = await api('learner-asha', `/v1/learners/learner-asha/certificates/issued/${firstCode}/credential`);
    expect(response.status).toBe(200);
    const jwt = await response.text();
    const jwks = await (await fetch(`${reportingUrl}/.well-known/jwks.json`)).text();
    const dir = mkdtempSync(join(tmpdir(), 'credential-e2e-'));
    writeFileSync(join(dir, 'credential.jwt'), jwt);
    writeFileSync(join(dir, 'jwks.json'), jwks);
    const [header, payload, signature] = jwt.split('.');
    writeFileSync(join(dir, 'altered.jwt'), `${header}.${Buffer.from(Buffer.from(payload, 'base64url').toString().replace('Hand Hygiene', 'Brain Surgery')).toString('base64url')}.${signature}`);
    const verifyCommand = (file: string) =>
      promisify(execFile)('node', ['-r', '@swc-node/register', 'apps/reporting/src/certificates/open-badges/verify-credential.main.ts', join(dir, file), '--keys', join(dir, 'jwks.json')], {
        cwd: resolve(__dirname, '..'),
      }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const good = await verifyCommand('credential.jwt');
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^VALID: Certificate of completion: Hand Hygiene/);
    expect(good.stdout).toContain('awarded to:   Asha Patel');
    expect(good.stdout).toContain(`${reportingUrl}/verify-certificate/${firstCode}`);
    expect(await verifyCommand('altered.jwt')).toMatchObject({ code: 1, stdout: expect.stringMatching(/^NOT VALID/) });
  });

  it("refuses anyone else's certificates, hub admins included, exactly as for a learner who does not exist, and records nothing", async () => {
    const paths = [['GET', ''], ['POST', '/course/course-hands'], ['GET', `/issued/${firstCode}/credential`]] as const;
    for (const viewer of ['admin-hana', 'trainee-finn']) {
      for (const [method, path] of paths) {
        const refused = await api(viewer, `/v1/learners/learner-asha/certificates${path}`, { method });
        const nobody = await api(viewer, `/v1/learners/learner-who-never-was/certificates${path}`, { method });
        const text = await refused.text();
        expect([refused.status, text]).toEqual([404, await nobody.text()]);
        expect(text).not.toContain('Asha');
      }
    }
    const client = await fetch(`${reportingUrl}/v1/learners/learner-asha/certificates`, { headers: bearer(await testClientToken('demo-player', REPORTING_AUDIENCE)) });
    expect(client.status).toBe(403);
    expect((await listing()).issued).toHaveLength(3);
  });

  it('names every bad part of a request, and a malformed code', async () => {
    const bad = await api('learner-asha', '/v1/learners/learner-asha/certificates/module/course-hands', { method: 'POST' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { details: Array<{ field: string }> }).details).toEqual([{ field: 'kind', reason: 'must be one of course, learning-path, programme' }]);
    const code = await fetch(`${reportingUrl}/verify/not-a-code`);
    expect([code.status, ((await code.json()) as { details: Array<{ field: string }> }).details[0].field]).toEqual([400, 'code']);
    const page = await fetch(`${reportingUrl}/verify-certificate?code=not-a-code`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('href="#code"');
  });

  it('gives no certificate when its issue cannot be recorded (ingest unreachable): 503, and nothing issued', async () => {
    const cut = await startReportingForTest({ ...env, INGEST_URL: 'http://127.0.0.1:9' });
    apps.push(cut.app);
    const refused = await download('course', 'course-laser', 'learner-asha', cut.url);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/json');
    expect(((await refused.json()) as { code: string }).code).toBe('LEDGER.UNAVAILABLE');
  });

  it('leaves the summary pages out for a course that omits them: a one-page PDF', async () => {
    const response = await download('course', 'course-laser');
    expect(response.status).toBe(200);
    const pages = pdfTextPages(Buffer.from(await response.arrayBuffer()));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Laser Safety Core');
    // The download refused above while ingest was unreachable was never recorded.
    const issued = await until((l) => l.issued.some((i) => i.scopeId === 'course-laser'));
    expect(issued.issued.filter((i) => i.scopeId === 'course-laser')).toHaveLength(1);
  });

  it('after a failed re-attempt the certificate is greyed again, and the earlier code is superseded', async () => {
    await append('demo-player', [scored('hands-assessment', 'a3', false, minutesAgo(5))]);
    const greyed = await until((l) => link(l, 'course-hands')?.certificate === 'unavailable');
    expect(link(greyed, 'course-hands')?.missing).toEqual(['1 of 2 sessions done', 'Hand Hygiene: Assessment not yet passed']);
    expect(link(greyed, 'prog-ipc')?.certificate).toBe('unavailable');
    const superseded = await verified(firstCode, 'superseded');
    expect(superseded).toMatchObject({ statusText: 'Superseded: the record has changed since this was issued (for example a later failed attempt).', certificate: { learnerName: 'Asha Patel' } });
    const page = await (await fetch(`${reportingUrl}/verify-certificate/${firstCode}`)).text();
    expect(page).toContain('data-status="superseded"');
    const refused = await download('course', 'course-hands');
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { message: string }).message).toBe('There is no certificate for this yet: 1 of 2 sessions done; Hand Hygiene: Assessment not yet passed.');
  });

  it('rate-limits checking codes, by client address', async () => {
    const limited = await startReportingForTest({ ...env, REPORTING_RATE_LIMIT_PER_MINUTE: '20' });
    apps.push(limited.app);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await fetch(`${limited.url}/verify/ABCD-EFGH-JKMN`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const page = await fetch(`${limited.url}/verify-certificate/ABCD-EFGH-JKMN`);
    expect([page.status, ((await page.json()) as { code: string }).code]).toEqual([429, 'REQUEST.RATE_LIMITED']);
  });
});
