import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** What a schemathesis run against an OpenAPI description said. */
export interface ContractRun {
  exitCode: number | null;
  output: string;
}

/**
 * Runs `infra/schemathesis.sh` against `openApiUrl` (an app started by the test, in this process, so
 * the run must not block the event loop). `token`, when given, is sent as a bearer token.
 */
export function runSchemathesis(openApiUrl: string, options: { token?: string; maxExamples?: number } = {}): Promise<ContractRun> {
  const root = resolve(__dirname, '../../..');
  const env: NodeJS.ProcessEnv = { ...process.env, SCHEMATHESIS_MAX_EXAMPLES: String(options.maxExamples ?? 20) };
  if (options.token) env.SCHEMATHESIS_TOKEN = options.token;
  const child = spawn('bash', ['infra/schemathesis.sh', openApiUrl], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (exitCode) => done({ exitCode, output }));
  });
}
