import { readFileSync } from 'node:fs';
import type { PublicJwk } from '@ledger/deployment-key';
import { verifyOpenBadgeCredential } from './credential-jwt';

export const VERIFY_CREDENTIAL_USAGE = 'usage: npm run credential:verify -- <credential.jwt> --keys <jwks.json>';

/**
 * `npm run credential:verify -- <credential.jwt> --keys <jwks.json>`: checks an Open Badges credential
 * offline against a JWK Set the checker trusts (reporting publishes it at /.well-known/jwks.json; keep
 * a copy you fetched once, or one given to you out of band). Prints what it certifies, or why it is
 * not valid. Exit codes: 0 valid, 1 not valid, 2 usage or an unreadable file.
 */
export async function runVerifyCredential(args: string[], print: (line: string) => void): Promise<number> {
  const keysAt = args.indexOf('--keys');
  const credentialFile = args.find((arg, i) => !arg.startsWith('--') && i !== keysAt + 1);
  if (keysAt < 0 || !args[keysAt + 1] || !credentialFile) {
    print(VERIFY_CREDENTIAL_USAGE);
    return 2;
  }
  let jwt: string;
  let keys: { keys: Array<Partial<PublicJwk>> };
  try {
    jwt = readFileSync(credentialFile, 'utf8').trim();
    keys = JSON.parse(readFileSync(args[keysAt + 1], 'utf8')) as { keys: Array<Partial<PublicJwk>> };
    if (!Array.isArray(keys.keys)) throw new Error('not a JWK Set (no "keys" list)');
  } catch (error) {
    print(`cannot read the inputs: ${(error as Error).message}`);
    return 2;
  }
  const check = await verifyOpenBadgeCredential(jwt, keys);
  if (!check.valid) {
    print(`NOT VALID: ${check.reason}`);
    return 1;
  }
  const { credential } = check;
  const subject = credential.credentialSubject;
  print(`VALID: ${credential.name}`);
  print(`  awarded to:   ${subject.identifier.map((i) => i.identityHash).join(', ')}`);
  print(`  achievement:  ${subject.achievement.name} (${subject.achievement.id})`);
  print(`  completed:    ${subject.activityEndDate}`);
  print(`  issued by:    ${credential.issuer.name} (${credential.issuer.id}) on ${credential.validFrom}`);
  print(`  evidence:     ${credential.evidence.map((e) => e.id).join(', ')}`);
  print(`  signed with:  key ${check.keyId}`);
  return 0;
}
