import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, portAcceptsConnections } from './free-port';
import { SupervisedProcess } from './supervised-process';

/** FerretDB v1 (the provisioned binary) with its PostgreSQL backend, speaking the MongoDB wire protocol on loopback. */
export async function startLocalFerretDb(infraDir: string, runDir: string, postgresUrl: string, onCrash?: (m: string) => void): Promise<{ process: SupervisedProcess; mongoUrl: string }> {
  const [port, debugPort] = [await freePort(), await freePort()];
  const stateDir = join(runDir, 'ferretdb-state');
  mkdirSync(stateDir, { recursive: true });
  const service = await SupervisedProcess.start({
    name: 'ferretdb',
    command: join(infraDir, 'bin', 'ferretdb'),
    args: [
      '--handler=postgresql',
      // A larger pool than FerretDB's default 50: each update holds two connections at once (see ReadStore).
      `--postgresql-url=${postgresUrl}?pool_max_conns=400`,
      `--state-dir=${stateDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      `--debug-addr=127.0.0.1:${debugPort}`,
      '--telemetry=disable',
      '--log-level=warn',
    ],
    // FerretDB allocates afresh for every command while its live heap stays small, so at Go's default
    // (GOGC=100) it spent about a sixth of its CPU collecting; at 400 the scale benchmark's projection
    // went from 293 to 345 events/s (bench/RESULTS.md, 2026-12-02) for some more memory.
    env: { ...process.env, GOGC: process.env.GOGC ?? '400' },
    logFile: join(runDir, 'ferretdb.log'),
    isReady: () => portAcceptsConnections(port),
    readyTimeoutMs: 30_000,
    onUnexpectedExit: onCrash,
  });
  return { process: service, mongoUrl: `mongodb://127.0.0.1:${port}/` };
}
