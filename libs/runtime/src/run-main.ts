import { ConfigError } from './config';

/**
 * Runs an app's start function; a configuration problem is printed as such (every bad variable)
 * and any start failure ends the process with a non-zero code instead of hanging.
 */
export function runMain(app: string, start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${app}: ${error.message}\n`);
    } else {
      process.stderr.write(`${app}: failed to start: ${(error as Error).stack ?? String(error)}\n`);
    }
    process.exit(1);
  });
}
