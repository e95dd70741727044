import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, RunningStack, SupervisedProcess } from '@ledger/test-harness';

const ROOT = resolve(__dirname, '..');

export type BenchApp = 'ingest' | 'projector' | 'reporting';
const PORT_VARIABLES: Record<BenchApp, string> = { ingest: 'INGEST_PORT', projector: 'PROJECTOR_PORT', reporting: 'REPORTING_PORT' };

/**
 * What every app of one scenario's run shares: the stack's broker and store, and a database, ingest
 * database, topic and consumer group of the run's own, so runs and scenarios never read each other's data.
 */
export function benchAppEnv(stack: RunningStack, scenario: string): Record<string, string> {
  const run = `${scenario}_${Date.now().toString(36)}`;
  return {
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    MONGO_URL: stack.mongoUrl,
    ...(stack.ferretDbPostgresUrl ? { FERRETDB_POSTGRESQL_URL: stack.ferretDbPostgresUrl } : {}),
    MONGO_DATABASE: `bench_${run}`,
    INGEST_STATE_DATABASE: `bench_ingest_${run}`,
    LEDGER_TOPIC: `bench-${run}`,
    PROJECTOR_GROUP: `bench-projector-${run}`,
    LOG_LEVEL: 'warn',
  };
}

/**
 * One of the apps, run from the build like production, on a free loopback port, its log in
 * `.infra/bench-<scenario>-<app>.log`. With BENCH_CPU_PROFILE set it also writes a CPU profile to
 * `.infra/profiles` when it stops.
 */
export async function startBenchApp(scenario: string, name: BenchApp, env: Record<string, string>): Promise<{ process: SupervisedProcess; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const process_ = await SupervisedProcess.start({
    name,
    command: process.execPath,
    args: [...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', join(ROOT, '.infra', 'profiles')] : []), join(ROOT, 'dist', 'apps', name, 'src', 'main.js')],
    env: { ...process.env, ...env, [PORT_VARIABLES[name]]: String(port), HOST: '127.0.0.1', ...(name === 'reporting' ? { REPORTING_PUBLIC_URL: url } : {}) },
    cwd: ROOT,
    logFile: join(ROOT, '.infra', `bench-${scenario}-${name}.log`),
    isReady: async () => (await fetch(`${url}/health`).catch(() => null))?.status === 200,
    readyTimeoutMs: 120_000,
    onUnexpectedExit: (message) => console.error(message),
  });
  return { process: process_, url };
}

/** The most resident memory the app's node process has used (VmHWM), in MiB. */
export function peakRssMiB(guard: SupervisedProcess): number {
  const kib = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${appPid(guard)}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round(kib / 1024);
}

/** Starts the app's peak resident memory (VmHWM) again from what it uses now. */
export function resetPeakRss(guard: SupervisedProcess): void {
  writeFileSync(`/proc/${appPid(guard)}/clear_refs`, '5');
}

/** The supervised process is a small guard shell; the app is its child. */
function appPid(guard: SupervisedProcess): string {
  const children = readdirSync(`/proc/${guard.pid}/task`).flatMap((task) => readFileSync(`/proc/${guard.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
  return children[0] ?? String(guard.pid);
}
