import { spawn, ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SupervisedProcessOptions {
  /** Short name used in messages, e.g. "kafka". */
  name: string;
  command: string;
  args: string[];
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Resolves true once the service is usable. */
  isReady: () => Promise<boolean>;
  readyTimeoutMs: number;
  /** Called when the process ends while it was meant to be running. */
  onUnexpectedExit?: (message: string) => void;
  /** The signal that asks the service to stop (default TERM; PostgreSQL's fast shutdown is INT). */
  stopSignal?: 'TERM' | 'INT';
}

/**
 * A service process that this process owns. It is started through a small shell guard that ends the
 * service when its owner disappears, so a killed test run or `npm start` never leaves a broker behind.
 */
export class SupervisedProcess {
  private stopping = false;
  private exited = false;
  private exitDescription = '';

  private constructor(
    private readonly options: SupervisedProcessOptions,
    private readonly child: ChildProcess,
  ) {
    child.once('exit', (code, signal) => {
      this.exited = true;
      this.exitDescription = signal ? `signal ${signal}` : `exit code ${code}`;
      if (!this.stopping) {
        options.onUnexpectedExit?.(`${options.name} exited unexpectedly (${this.exitDescription}); log: ${options.logFile}\n${this.logTail()}`);
      }
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  static async start(options: SupervisedProcessOptions): Promise<SupervisedProcess> {
    const log = createWriteStream(options.logFile, { flags: 'a' });
    await new Promise((resolve) => log.once('open', resolve));
    const child = spawn('sh', ['-c', OWNER_GUARD, 'guard', String(process.pid), options.stopSignal ?? 'TERM', options.command, ...options.args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', log, log],
      // Its own process group, so a last-resort SIGKILL reaches the service and not just the guard.
      detached: true,
    });
    child.once('exit', () => log.end());
    const supervised = new SupervisedProcess(options, child);
    await supervised.waitUntilReady();
    return supervised;
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + this.options.readyTimeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) {
        throw new Error(`${this.options.name} failed to start (${this.exitDescription}); log: ${this.options.logFile}\n${this.logTail()}`);
      }
      if (await this.options.isReady()) return;
      await sleep(200);
    }
    await this.stop();
    throw new Error(`${this.options.name} was not ready after ${this.options.readyTimeoutMs} ms; log: ${this.options.logFile}\n${this.logTail()}`);
  }

  logTail(lines = 20): string {
    try {
      return readFileSync(this.options.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** Kills the service and its guard at once, as a crash or `kill -9` would; resolves when it is gone. */
  async kill(): Promise<void> {
    this.stopping = true;
    if (this.exited) return;
    const ended = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    process.kill(-this.pid, 'SIGKILL');
    await ended;
  }

  /** SIGTERM, then SIGKILL if the service has not ended within `graceMs`. */
  async stop(graceMs = 20_000): Promise<void> {
    this.stopping = true;
    if (this.exited) return;
    const ended = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const grace = new AbortController();
    const timedOut = await Promise.race([
      ended.then(() => false),
      sleep(graceMs, true, { signal: grace.signal }).catch(() => false),
    ]);
    grace.abort();
    if (timedOut) {
      process.kill(-this.pid, 'SIGKILL');
      await ended;
    }
  }
}

/**
 * Runs "$@" as a child, asks it to stop with signal $2 when itself gets TERM/INT, and does the same if
 * the owner pid ($1) goes away. Exits with the child's status so the owner sees how the service ended.
 */
const OWNER_GUARD = `
owner=$1; signal=$2; shift 2
"$@" &
child=$!
trap 'kill -$signal $child 2>/dev/null; wait $child; exit $?' TERM INT
while kill -0 "$owner" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1 & wait $!; done
if kill -0 "$child" 2>/dev/null; then kill -$signal "$child"; fi
wait "$child"
`;
