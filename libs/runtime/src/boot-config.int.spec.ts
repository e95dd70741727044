import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../..');

/** Each app refuses to start on a bad environment, naming every bad variable, and exits non-zero. */
describe('booting with a bad configuration', () => {
  it.each([
    ['ingest', { INGEST_PORT: 'eighty', KAFKA_BROKERS: 'no-port', MONGO_URL: 'postgres://x' }, ['INGEST_PORT', 'KAFKA_BROKERS', 'MONGO_URL']],
    ['projector', { PROJECTOR_MAX_ATTEMPTS: '0', LOG_LEVEL: 'chatty' }, ['PROJECTOR_MAX_ATTEMPTS', 'LOG_LEVEL']],
    [
      'projector',
      { DEPLOYMENT_KEY_FILE: '/nonexistent/deployment-key.pem', SEAL_EVERY_EVENTS: '0', SEALER_ENABLED: 'maybe' },
      ['DEPLOYMENT_KEY_FILE', 'SEAL_EVERY_EVENTS', 'SEALER_ENABLED'],
    ],
    ['reporting', { REPORTING_PORT: '70000' }, ['REPORTING_PORT']],
  ])('%s exits 1 and names %j', async (app, env, named) => {
    const started = run(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps', app, 'src', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    const failure = await started.then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    for (const variable of named as string[]) expect(failure?.stderr).toContain(variable);
    expect(failure?.stderr).toContain('Invalid configuration');
  });
});
