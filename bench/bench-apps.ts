import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, SupervisedProcess } from '@ledger/test-harness';

/** One of the apps, run from the build like production, on a free loopback port. */
export async function startApp(root: string, name: 'ingest' | 'projector' | 'reporting', env: Record<string, string>): Promise<{ process: SupervisedProcess; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const portVariable = { ingest: 'INGEST_PORT', projector: 'PROJECTOR_PORT', reporting: 'REPORTING_PORT' }[name];
  const process_ = await SupervisedProcess.start({
    name,
    command: process.execPath,
    args: [join(root, 'dist', 'apps', name, 'src', 'main.js')],
    env: { ...process.env, ...env, [portVariable]: String(port), HOST: '127.0.0.1', ...(name === 'reporting' ? { REPORTING_PUBLIC_URL: url } : {}) },
    cwd: root,
    logFile: join(root, '.infra', `bench-scale-${name}.log`),
    isReady: async () => (await fetch(`${url}/health`).catch(() => null))?.status === 200,
    readyTimeoutMs: 120_000,
    onUnexpectedExit: (message) => console.error(message),
  });
  return { process: process_, url };
}

/**
 * The most resident memory the app's node process has used (VmHWM), in MiB. The supervised process is
 * a small guard shell; the app is its child.
 */
export function peakRssMiB(guard: SupervisedProcess): number {
  const children = readdirSync(`/proc/${guard.pid}/task`).flatMap((task) => readFileSync(`/proc/${guard.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
  const status = readFileSync(`/proc/${children[0]}/status`, 'utf8');
  const kib = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return Math.round(kib / 1024);
}
