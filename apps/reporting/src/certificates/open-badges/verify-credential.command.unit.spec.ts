import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeploymentKey } from '@ledger/deployment-key';
import { signOpenBadgeCredential } from './credential-jwt';
import { openBadgeCredential } from './open-badge-credential';
import { runVerifyCredential, VERIFY_CREDENTIAL_USAGE } from './verify-credential.command';

describe('npm run credential:verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'credential-'));
  const publicUrl = 'https://learning.example.nhs.uk';
  const run = async (args: string[]) => {
    const lines: string[] = [];
    const code = await runVerifyCredential(args, (line) => lines.push(line));
    return { code, out: lines.join('\n') };
  };

  beforeAll(async () => {
    const key = await DeploymentKey.fromPrivateKey(generateKeyPairSync('ed25519').privateKey);
    const issue = { eventId: '6f1c2b9e-8d2a-4c41-9b1e-2a7d5c0e9f10', kind: 'programme' as const, containerId: 'prog-ipc', learnerName: 'Asha Patel', title: 'Infection Prevention and Control', completedAt: '2026-03-24T10:00:00.000Z', issuedAt: '2026-04-02T10:00:00.000Z', verificationCode: 'K7QF-92XM-4HTD', factsHash: 'b'.repeat(64) };
    const jwt = await signOpenBadgeCredential(openBadgeCredential(issue, { publicUrl, hubName: 'e-Learning Hub', verifyUrl: `${publicUrl}/verify-certificate/K7QF-92XM-4HTD` }), key, publicUrl);
    writeFileSync(join(dir, 'credential.jwt'), `${jwt}\n`);
    const [header, payload, signature] = jwt.split('.');
    const altered = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('Asha Patel', 'Asha Pate1')).toString('base64url');
    writeFileSync(join(dir, 'altered.jwt'), `${header}.${altered}.${signature}`);
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [key.publicJwk] }));
  });

  it('prints what a valid credential certifies and exits 0', async () => {
    const { code, out } = await run([join(dir, 'credential.jwt'), '--keys', join(dir, 'jwks.json')]);
    expect(code).toBe(0);
    expect(out).toMatch(/^VALID: Certificate of completion: Infection Prevention and Control$/m);
    expect(out).toMatch(/awarded to: +Asha Patel/);
    expect(out).toContain(`evidence:     ${publicUrl}/verify-certificate/K7QF-92XM-4HTD`);
  });

  it('says why an altered credential is not valid and exits 1; usage and unreadable inputs exit 2', async () => {
    const altered = await run([join(dir, 'altered.jwt'), '--keys', join(dir, 'jwks.json')]);
    expect(altered).toEqual({ code: 1, out: expect.stringMatching(/^NOT VALID: signature or claims do not verify/) });
    expect(await run([join(dir, 'credential.jwt')])).toEqual({ code: 2, out: VERIFY_CREDENTIAL_USAGE });
    expect(await run([join(dir, 'missing.jwt'), '--keys', join(dir, 'jwks.json')])).toMatchObject({ code: 2, out: expect.stringMatching(/^cannot read the inputs/) });
  });
});
