import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clientAccessToken, INGEST_AUDIENCE, localClientSecret, localPassword, personAccessToken, REPORTING_AUDIENCE } from '@ledger/test-harness';
import { LOCAL_IDENTITY_STATE } from './stack/local-identity';

const USAGE = `usage: npm run token -- <demo username> [--for reporting|ingest]
       npm run token -- --client <client id> [--for reporting|ingest]
Prints a real access token from the local OpenID provider that npm start runs (development only).`;

/**
 * Development only: a real access token for a demo person (signing in on the provider's own page) or a
 * local client (client credentials), for scripts and curl. It refuses to run unless npm start's local
 * provider is up, so it can never fetch tokens from a real provider.
 */
async function main(args: string[]): Promise<void> {
  const stateFile = join(resolve(__dirname, '..'), '.infra', 'run', 'dev', LOCAL_IDENTITY_STATE);
  if (!existsSync(stateFile)) throw new Error('npm run token works only with the local OpenID provider of a running `npm start`.');
  const { issuer } = JSON.parse(readFileSync(stateFile, 'utf8')) as { issuer: string };
  const discovery = await fetch(`${issuer}/.well-known/openid-configuration`).catch(() => null);
  if (discovery?.status !== 200) throw new Error(`the local OpenID provider at ${issuer} is not running (start it with npm start).`);
  const forIndex = args.indexOf('--for');
  const target = forIndex >= 0 ? args[forIndex + 1] : 'reporting';
  if (target !== 'reporting' && target !== 'ingest') throw new Error(USAGE);
  const audience = target === 'ingest' ? INGEST_AUDIENCE : REPORTING_AUDIENCE;
  const clientIndex = args.indexOf('--client');
  const optionValues = new Set([forIndex, clientIndex].filter((i) => i >= 0).map((i) => i + 1));
  const named = args.filter((arg, i) => !arg.startsWith('--') && !optionValues.has(i));
  if (clientIndex >= 0) {
    const clientId = args[clientIndex + 1];
    if (!clientId) throw new Error(USAGE);
    process.stdout.write(`${await clientAccessToken(issuer, clientId, localClientSecret(clientId), audience)}\n`);
    return;
  }
  if (named.length !== 1) throw new Error(USAGE);
  process.stdout.write(`${await personAccessToken(issuer, named[0], localPassword(named[0]), audience)}\n`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
});
