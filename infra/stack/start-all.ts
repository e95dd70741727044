import { join, resolve } from 'node:path';
import { SupervisedProcess, startLocalStack, RunningStack } from '@ledger/test-harness';
import { loadDemoData } from '../demo/load-demo-data';
import { signInHelp, startLocalIdentity } from './local-identity';

const ROOT = resolve(__dirname, '../..');
const RUN_NAME = 'dev';

interface AppSpec {
  name: 'ingest' | 'projector' | 'reporting';
  port: number;
}

/**
 * `npm start`: Kafka + FerretDB as local processes, the three apps from the build, demo data, URLs.
 * Ctrl-C (or SIGTERM) stops the apps first (they drain requests and commit their last batch), then
 * the services. If this process is killed outright, each child's owner guard ends it within a second.
 */
async function main(): Promise<void> {
  const ports = {
    reporting: Number(process.env.REPORTING_PORT ?? 3000),
    ingest: Number(process.env.INGEST_PORT ?? 3001),
    projector: Number(process.env.PROJECTOR_PORT ?? 3002),
    identity: Number(process.env.IDENTITY_PORT ?? 3003),
  };
  const running: SupervisedProcess[] = [];
  let stack: RunningStack | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    for (const app of running.reverse()) await app.stop();
    await stack?.stop();
    console.log('stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  const crashed = (message: string) => {
    console.error(`\n${message}`);
    void stop(1);
  };

  console.log('starting Kafka (KRaft), PostgreSQL and FerretDB on loopback…');
  stack = await startLocalStack({ rootDir: ROOT, runName: RUN_NAME, onServiceCrash: crashed });
  const runDir = join(ROOT, '.infra', 'run', RUN_NAME);
  console.log('starting the local OpenID provider…');
  const identity = await startLocalIdentity(ROOT, runDir, ports.identity, crashed);
  running.push(identity.process);
  const env = {
    ...process.env,
    ...identity.appEnv,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    MONGO_URL: stack.mongoUrl,
    ...(stack.ferretDbPostgresUrl ? { FERRETDB_POSTGRESQL_URL: stack.ferretDbPostgresUrl } : {}),
    HOST: '127.0.0.1',
    INGEST_PORT: String(ports.ingest),
    REPORTING_PORT: String(ports.reporting),
    PROJECTOR_PORT: String(ports.projector),
  };
  const apps: AppSpec[] = [
    { name: 'ingest', port: ports.ingest },
    { name: 'projector', port: ports.projector },
    { name: 'reporting', port: ports.reporting },
  ];
  for (const app of apps) {
    console.log(`starting ${app.name}…`);
    running.push(
      await SupervisedProcess.start({
        name: app.name,
        command: process.execPath,
        args: ['--enable-source-maps', join(ROOT, 'dist', 'apps', app.name, 'src', 'main.js')],
        env,
        cwd: ROOT,
        logFile: join(runDir, `${app.name}.log`),
        isReady: () => healthy(app.port),
        readyTimeoutMs: 60_000,
        onUnexpectedExit: crashed,
      }),
    );
  }

  const loaded = await loadDemoData(`http://127.0.0.1:${ports.ingest}`, identity.issuer);
  console.log(`
activity-ledger is up (Ctrl-C stops everything).

  reporting  http://127.0.0.1:${ports.reporting}      the web shell; API: GET /v1/learners/learner-asha/sessions with a bearer token (npm run token)
  identity   ${identity.issuer}      the local OpenID provider (development only)
  ingest     http://127.0.0.1:${ports.ingest}      POST /v1/events   ·   API docs: http://127.0.0.1:${ports.ingest}/docs
  projector  http://127.0.0.1:${ports.projector}/health  ·  /v1/watermark  ·  /.well-known/jwks.json (the key that signs the seals)
  kafka      ${stack.kafkaBrokers.join(',')}   ·   store ${stack.mongoUrl}
  logs       ${runDir}/{identity,ingest,projector,reporting,kafka,postgresql,ferretdb}.log

Loaded ${loaded} demo events and acts.

${signInHelp(`http://127.0.0.1:${ports.reporting}`)}

A real access token for a demo person or client, for scripts: npm run token -- learner-asha   (or: npm run token -- --client demo-player)

Auditor's checks, from another terminal: replay the ledger and compare with the live read models, and
recompute the ledger's hash chain and check it against the signed seals:
  KAFKA_BROKERS=${stack.kafkaBrokers.join(',')} MONGO_URL=${stack.mongoUrl} FERRETDB_POSTGRESQL_URL=${stack.ferretDbPostgresUrl ?? ''} npm run projector:verify
  KAFKA_BROKERS=${stack.kafkaBrokers.join(',')} npm run audit -- verify-chain
`);
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health`)).status === 200;
  } catch {
    return false;
  }
}

main().catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
