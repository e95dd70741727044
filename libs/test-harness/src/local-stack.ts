import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort, portAcceptsConnections } from './free-port';
import { SupervisedProcess } from './supervised-process';
import type { RunningStack } from './stack';

const run = promisify(execFile);

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
  runDir: string;
}

/**
 * Starts Kafka (KRaft, single node) and FerretDB (SQLite) as local processes on free loopback ports.
 * Needs `infra/provision.sh services` to have run. The state (pids, ports, data dirs) is written to
 * `.infra/run/<runName>/state.json` so `npm run infra:down` can stop a stack whose owner was lost.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<RunningStack> {
  const infraDir = join(resolve(options.rootDir), '.infra');
  const runDir = join(infraDir, 'run', options.runName);
  assertProvisioned(infraDir);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });

  const started: SupervisedProcess[] = [];
  const stopAll = async () => {
    for (const service of [...started].reverse()) await service.stop();
    rmSync(join(runDir, 'state.json'), { force: true });
  };
  try {
    const kafka = await startKafka(infraDir, runDir, options.onServiceCrash);
    started.push(kafka.process);
    const ferret = await startFerretDb(infraDir, runDir, options.onServiceCrash);
    started.push(ferret.process);
    const state: LocalStackState = {
      pids: started.map((service) => service.pid),
      kafkaBrokers: [kafka.broker],
      mongoUrl: ferret.mongoUrl,
      runDir,
    };
    writeFileSync(join(runDir, 'state.json'), JSON.stringify(state, null, 2));
    return { kind: 'local', kafkaBrokers: state.kafkaBrokers, mongoUrl: state.mongoUrl, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function assertProvisioned(infraDir: string): void {
  const missing = [
    [join(infraDir, 'kafka', 'libs', '.complete'), 'the Kafka broker jars'],
    [join(infraDir, 'bin', 'ferretdb'), 'the FerretDB binary'],
  ].filter(([path]) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `The local stack is not provisioned (missing ${missing.map(([, what]) => what).join(' and ')}). ` +
        'Run `bash infra/provision.sh services` (npm test and npm start do this for you).',
    );
  }
}

async function startKafka(infraDir: string, runDir: string, onCrash?: (m: string) => void) {
  const [brokerPort, controllerPort] = [await freePort(), await freePort()];
  const dataDir = join(runDir, 'kafka-data');
  const propertiesFile = join(runDir, 'kafka.properties');
  writeFileSync(propertiesFile, kafkaProperties(brokerPort, controllerPort, dataDir));
  const classpath = join(infraDir, 'kafka', 'libs', '*');
  const jvm = ['-Xms256m', '-Xmx768m', '-XX:+UseG1GC', '-Djava.awt.headless=true', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info'];
  const clusterId = randomBytes(16).toString('base64url');
  // `--cluster-id=` form: a base64url id may begin with "-", which the tool would read as an option.
  await run('java', [...jvm, '-cp', classpath, 'kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId}`, '--config', propertiesFile], {
    timeout: 60_000,
  }).catch((error: Error & { stderr?: string }) => {
    throw new Error(`Formatting Kafka storage failed: ${error.message}\n${error.stderr ?? ''}`);
  });
  const logFile = join(runDir, 'kafka.log');
  const service = await SupervisedProcess.start({
    name: 'kafka',
    command: 'java',
    args: [...jvm, '-cp', classpath, 'kafka.Kafka', propertiesFile],
    logFile,
    isReady: async () =>
      (await portAcceptsConnections(brokerPort)) && readFileSync(logFile, 'utf8').includes('Kafka Server started'),
    readyTimeoutMs: 90_000,
    onUnexpectedExit: onCrash,
  });
  return { process: service, broker: `127.0.0.1:${brokerPort}` };
}

/** A single KRaft node acting as broker and controller; every setting below is for one node. */
function kafkaProperties(brokerPort: number, controllerPort: number, dataDir: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${dataDir}`,
    'num.partitions=3',
    'auto.create.topics.enable=false',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=5',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'log.flush.interval.messages=9223372036854775807',
    '',
  ].join('\n');
}

async function startFerretDb(infraDir: string, runDir: string, onCrash?: (m: string) => void) {
  const [port, debugPort] = [await freePort(), await freePort()];
  const dataDir = join(runDir, 'ferretdb-data');
  mkdirSync(dataDir, { recursive: true });
  const service = await SupervisedProcess.start({
    name: 'ferretdb',
    command: join(infraDir, 'bin', 'ferretdb'),
    args: [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
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
      if (!isOurService(pid, state.runDir)) continue;
      try {
        process.kill(-pid, 'SIGTERM');
        stopped.push(`${name}:${pid}`);
      } catch {
        // already gone
      }
    }
    rmSync(stateFile, { force: true });
  }
  return stopped;
}

/** Guards against pid reuse: only a process whose command line names this stack's run folder is ours. */
function isOurService(pid: number, runDir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(runDir);
  } catch {
    return false;
  }
}
