import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startLocalFerretDb } from './local-ferretdb';
import { startLocalKafka } from './local-kafka';
import { POSTGRES_BIN_DIR, postgresInstalled, startLocalPostgres } from './local-postgres';
import type { SupervisedProcess } from './supervised-process';
import type { RunningStack } from './stack';

export interface LocalStackOptions {
  /** The repository root; services come from its git-ignored `.infra/` (see infra/provision.sh). */
  rootDir: string;
  /** A name for this stack's run folder under `.infra/run/`. */
  runName: string;
  /** Where to report a service that dies after start. */
  onServiceCrash?: (message: string) => void;
}

export interface LocalStackState {
  pids: number[];
  kafkaBrokers: string[];
  mongoUrl: string;
  ferretDbPostgresUrl: string;
  runDir: string;
  /** Folders of this stack outside the run folder (PostgreSQL's, when the run folder is out of its reach). */
  otherDirs: string[];
}

/**
 * Starts Kafka (KRaft, single node), PostgreSQL 15 and FerretDB (PostgreSQL backend) as local processes
 * on free loopback ports. Needs `infra/provision.sh services` to have run. The state (pids, ports, data
 * dirs) is written to `.infra/run/<runName>/state.json` so `npm run infra:down` can stop a stack whose
 * owner was lost.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<RunningStack> {
  const infraDir = join(resolve(options.rootDir), '.infra');
  const runDir = join(infraDir, 'run', options.runName);
  assertProvisioned(infraDir);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });

  const started: SupervisedProcess[] = [];
  const otherDirs: string[] = [];
  const stopAll = async () => {
    for (const service of [...started].reverse()) await service.stop();
    for (const dir of otherDirs) rmSync(dir, { recursive: true, force: true });
    rmSync(join(runDir, 'state.json'), { force: true });
  };
  try {
    // Kafka and PostgreSQL start side by side; whichever started is stopped if the other fails.
    const [kafkaStart, postgresStart] = await Promise.allSettled([startLocalKafka(infraDir, runDir, options.onServiceCrash), startLocalPostgres(runDir, options.onServiceCrash)]);
    for (const result of [kafkaStart, postgresStart]) if (result.status === 'fulfilled') started.push(result.value.process);
    if (postgresStart.status === 'fulfilled' && postgresStart.value.dataDirOutsideRunDir) otherDirs.push(postgresStart.value.dataDirOutsideRunDir);
    if (kafkaStart.status === 'rejected') throw kafkaStart.reason;
    if (postgresStart.status === 'rejected') throw postgresStart.reason;
    const [kafka, postgres] = [kafkaStart.value, postgresStart.value];
    const ferret = await startLocalFerretDb(infraDir, runDir, postgres.url, options.onServiceCrash);
    started.push(ferret.process);
    const state: LocalStackState = {
      pids: started.map((service) => service.pid),
      kafkaBrokers: [kafka.broker],
      mongoUrl: ferret.mongoUrl,
      ferretDbPostgresUrl: postgres.url,
      runDir,
      otherDirs,
    };
    writeFileSync(join(runDir, 'state.json'), JSON.stringify(state, null, 2));
    return { kind: 'local', kafkaBrokers: state.kafkaBrokers, mongoUrl: state.mongoUrl, ferretDbPostgresUrl: state.ferretDbPostgresUrl, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function assertProvisioned(infraDir: string): void {
  const missing = [
    [existsSync(join(infraDir, 'kafka', 'libs', '.complete')), 'the Kafka broker jars'],
    [existsSync(join(infraDir, 'bin', 'ferretdb')), 'the FerretDB binary'],
    [postgresInstalled(), `PostgreSQL 15 (${POSTGRES_BIN_DIR})`],
  ].filter(([present]) => !present);
  if (missing.length > 0) {
    throw new Error(
      `The local stack is not provisioned (missing ${missing.map(([, what]) => what).join(' and ')}). ` +
        'Run `bash infra/provision.sh services` (npm test and npm start do this for you).',
    );
  }
}

/** Stops the processes of stacks whose owner is gone (for `npm run infra:down`). */
export function stopRecordedLocalStacks(rootDir: string): string[] {
  const runRoot = join(resolve(rootDir), '.infra', 'run');
  if (!existsSync(runRoot)) return [];
  const stopped: string[] = [];
  for (const name of readdirSync(runRoot)) {
    const stateFile = join(runRoot, name, 'state.json');
    if (!existsSync(stateFile)) continue;
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as LocalStackState;
    for (const pid of state.pids) {
      if (!isOurService(pid, [state.runDir, ...(state.otherDirs ?? [])])) continue;
      try {
        process.kill(-pid, 'SIGTERM');
        stopped.push(`${name}:${pid}`);
      } catch {
        // already gone
      }
    }
    for (const dir of state.otherDirs ?? []) rmSync(dir, { recursive: true, force: true });
    rmSync(stateFile, { force: true });
  }
  return stopped;
}

/** Guards against pid reuse: only a process whose command line names one of this stack's folders is ours. */
function isOurService(pid: number, dirs: string[]): boolean {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return dirs.some((dir) => commandLine.includes(dir));
  } catch {
    return false;
  }
}
