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
    logFile: join(runDir, 'ferretdb.log'),
    isReady: () => portAcceptsConnections(port),
    readyTimeoutMs: 30_000,
    onUnexpectedExit: onCrash,
  });
  return { process: service, mongoUrl: `mongodb://127.0.0.1:${port}/` };
}
