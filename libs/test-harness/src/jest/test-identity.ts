import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../free-port';
import { SupervisedProcess } from '../supervised-process';
import { TEST_STACK_ENV } from '../test-stack-env';

const IDENTITY_KEY = '__LEDGER_IDENTITY__';

/**
 * Starts the real local OpenID provider (apps/identity) for a test run, as a child process (oidc-provider
 * is an ES module Jest's module system does not load, and a separate process is what the apps meet in
 * production anyway), and hands its issuer URL to the workers through the environment. Returns the issuer.
 */
export async function startTestIdentity(rootDir: string): Promise<string> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const logDir = join(rootDir, '.infra', 'run', `test-${process.pid}-identity`);
  mkdirSync(logDir, { recursive: true });
  const service = await SupervisedProcess.start({
    name: 'identity',
    command: process.execPath,
    args: ['-r', '@swc-node/register', join(rootDir, 'apps', 'identity', 'src', 'main.ts')],
    cwd: rootDir,
    env: { ...process.env, IDENTITY_PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    logFile: join(logDir, 'identity.log'),
    isReady: async () => (await fetch(`${issuer}/.well-known/openid-configuration`).catch(() => null))?.status === 200,
    readyTimeoutMs: 60_000,
    onUnexpectedExit: (message) => process.stderr.write(`\n[test stack] ${message}\n`),
  });
  (globalThis as Record<string, unknown>)[IDENTITY_KEY] = service;
  process.env[TEST_STACK_ENV.oidcIssuer] = issuer;
  return issuer;
}

/** Stops the provider startTestIdentity started (global teardown). */
export async function stopTestIdentity(): Promise<void> {
  await ((globalThis as Record<string, unknown>)[IDENTITY_KEY] as SupervisedProcess | undefined)?.stop();
}
