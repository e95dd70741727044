import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_CLIENTS_FILE, LOCAL_HUB_ADMINS, LOCAL_PEOPLE_FILE, localClientSecret, SupervisedProcess } from '@ledger/test-harness';

/** Where npm start records the local provider's issuer, for `npm run token`. */
export const LOCAL_IDENTITY_STATE = 'identity.json';

/**
 * npm start's OpenID provider: the local one (apps/identity, development only) on loopback, and the
 * settings the apps need to use it. Also records its issuer for `npm run token`, which works only
 * against this provider.
 */
export async function startLocalIdentity(root: string, runDir: string, port: number, onCrash: (message: string) => void, peopleFile = LOCAL_PEOPLE_FILE) {
  const issuer = `http://127.0.0.1:${port}`;
  const process_ = await SupervisedProcess.start({
    name: 'identity',
    command: process.execPath,
    args: ['--enable-source-maps', join(root, 'dist', 'apps', 'identity', 'src', 'main.js')],
    env: { ...process.env, IDENTITY_PORT: String(port), HOST: '127.0.0.1', CLIENTS_FILE: LOCAL_CLIENTS_FILE, PEOPLE_FILE: peopleFile },
    cwd: root,
    logFile: join(runDir, 'identity.log'),
    isReady: async () => (await fetch(`${issuer}/.well-known/openid-configuration`).catch(() => null))?.status === 200,
    readyTimeoutMs: 60_000,
    onUnexpectedExit: onCrash,
  });
  writeFileSync(join(runDir, LOCAL_IDENTITY_STATE), JSON.stringify({ issuer }));
  const appEnv = {
    OIDC_ISSUER: issuer,
    INGEST_CLIENTS_FILE: LOCAL_CLIENTS_FILE,
    HUB_ADMINS: LOCAL_HUB_ADMINS.join(','),
    REPORTING_CLIENT_ID: 'reporting',
    REPORTING_CLIENT_SECRET: localClientSecret('reporting'),
    // A new secret each start: sessions from an earlier run end with it, as do the provider's keys.
    SESSION_SECRET: randomBytes(32).toString('base64url'),
  };
  return { process: process_, issuer, appEnv };
}

/** The demo people and how to sign in as each, for the banner npm start prints. */
export function signInHelp(reportingUrl: string): string {
  const people = (JSON.parse(readFileSync(LOCAL_PEOPLE_FILE, 'utf8')) as { people: Array<{ username: string; password: string; role: string }> }).people;
  const width = Math.max(...people.map((p) => p.username.length));
  const lines = people.map((p) => `    ${p.username.padEnd(width)}  ${p.password.padEnd(width + 3)}  ${p.role}`);
  return `Sign in at ${reportingUrl}/ (the local provider's login page), as any of:\n    ${'username'.padEnd(width)}  ${'password'.padEnd(width + 3)}  who\n${lines.join('\n')}`;
}
