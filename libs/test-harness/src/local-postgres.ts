import { execFile } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './free-port';
import { SupervisedProcess } from './supervised-process';

const run = promisify(execFile);

/** Where Debian's postgresql-15 package puts the server programs. */
export const POSTGRES_BIN_DIR = '/usr/lib/postgresql/15/bin';
/** The database FerretDB keeps every Mongo database in (one PostgreSQL schema each). */
const FERRETDB_DATABASE = 'ferretdb';

export interface LocalPostgres {
  process: SupervisedProcess;
  /** Connection string of FerretDB's database on this server. */
  url: string;
  /** The data directory, when it is not under the run folder (recorded so a lost stack can be found). */
  dataDirOutsideRunDir?: string;
}

/**
 * PostgreSQL 15 from Debian's package, as FerretDB's backend: a fresh cluster in the run folder,
 * listening on loopback only. PostgreSQL refuses to run as root, so when this process is root the
 * server runs as the package's `postgres` user (`setpriv` execs it, so the pid is the server's own).
 */
export async function startLocalPostgres(runDir: string, onCrash?: (m: string) => void): Promise<LocalPostgres> {
  const { dataDir, outsideRunDir } = await dataDirectory(runDir);
  const [initdb, initdbArgs] = asServerUser(join(POSTGRES_BIN_DIR, 'initdb'), ['-D', dataDir, '--auth=trust', '--username=postgres', '--no-locale', '-E', 'UTF8']);
  await run(initdb, initdbArgs, { timeout: 120_000 }).catch((error: Error & { stderr?: string }) => {
    throw new Error(`initdb failed: ${error.message}\n${error.stderr ?? ''}`);
  });
  const port = await freePort();
  appendFileSync(join(dataDir, 'postgresql.conf'), serverSettings(port, dataDir));
  const url = `postgres://postgres@127.0.0.1:${port}/${FERRETDB_DATABASE}`;
  const [command, args] = asServerUser(join(POSTGRES_BIN_DIR, 'postgres'), ['-D', dataDir]);
  const service = await SupervisedProcess.start({
    name: 'postgresql',
    command,
    args,
    logFile: join(runDir, 'postgresql.log'),
    isReady: () => accepts(`postgres://postgres@127.0.0.1:${port}/postgres`),
    readyTimeoutMs: 60_000,
    onUnexpectedExit: onCrash,
    // Fast shutdown: ends client connections instead of waiting for every client to leave.
    stopSignal: 'INT',
  });
  const admin = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${FERRETDB_DATABASE}`);
  } finally {
    await admin.end();
  }
  return { process: service, url, dataDirOutsideRunDir: outsideRunDir ? dataDir : undefined };
}

/**
 * Settings for a local, throw-away cluster. `plan_cache_mode`: FerretDB passes the field name of an
 * equality as a bind parameter, so only a plan made with the values can use the GIN indexes on
 * `(_jsonb->'field')`; set here, at creation, it applies to every connection of FerretDB's pool.
 * Durability settings are off because this cluster holds only read models (rebuilt from the ledger)
 * and test data; production uses MongoDB.
 */
function serverSettings(port: number, dataDir: string): string {
  return [
    '',
    "listen_addresses = '127.0.0.1'",
    `port = ${port}`,
    `unix_socket_directories = '${dataDir}'`,
    // FerretDB's pool (pool_max_conns in its URL, see local-ferretdb.ts) plus the apps' index connections.
    'max_connections = 450',
    'shared_buffers = 256MB',
    'plan_cache_mode = force_custom_plan',
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    "log_min_messages = 'warning'",
    '',
  ].join('\n');
}

const runningAsRoot = () => process.getuid?.() === 0;

/** A program and its arguments, run as the `postgres` user (through `setpriv`) when this process is root. */
function asServerUser(program: string, args: string[]): [string, string[]] {
  if (!runningAsRoot()) return [program, args];
  return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', program, ...args]];
}

/**
 * The cluster's folder: in the run folder when the server's user can reach it, else (a checkout under
 * a folder only root may enter, such as /root) a fresh folder under the system's temporary folder.
 */
async function dataDirectory(runDir: string): Promise<{ dataDir: string; outsideRunDir: boolean }> {
  const inRunDir = join(runDir, 'postgresql');
  if (!runningAsRoot()) return { dataDir: join(inRunDir, 'data'), outsideRunDir: false };
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  mkdirSync(inRunDir, { recursive: true });
  chownSync(inRunDir, uid, gid);
  const reachable = await run(...asServerUser('test', ['-w', inRunDir])).then(
    () => true,
    () => false,
  );
  if (reachable) return { dataDir: join(inRunDir, 'data'), outsideRunDir: false };
  const outside = mkdtempSync(join(tmpdir(), 'activity-ledger-postgresql-'));
  chownSync(outside, uid, gid);
  return { dataDir: join(outside, 'data'), outsideRunDir: true };
}

async function accepts(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether Debian's PostgreSQL 15 server programs are installed. */
export function postgresInstalled(): boolean {
  return existsSync(join(POSTGRES_BIN_DIR, 'postgres')) && existsSync(join(POSTGRES_BIN_DIR, 'initdb'));
}
