import 'reflect-metadata';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { commandProgressBar, runMain } from '@ledger/runtime';
import { loadProjectorConfig } from '../config';
import { rebuildReadModels, RebuildMode } from './rebuild-read-models';

/**
 * `npm run projector:rebuild` — replay the ledger into new read models and switch readers to them.
 * `npm run projector:verify`  — replay into a scratch generation and compare with the live read
 *                                models; exits 1 and lists every difference if they are not equal.
 * Uses the projector's environment (KAFKA_BROKERS, LEDGER_TOPIC, PROJECTOR_GROUP, MONGO_URL, …).
 * The terminal shows a progress bar and a short summary; every log line (what the replay set aside,
 * and why) goes to a log file, named in the summary (`--log-file <path>` chooses it).
 */
runMain('projector-rebuild', async () => {
  const mode: RebuildMode = process.argv.includes('--verify') ? 'verify' : 'switch';
  const config = loadProjectorConfig(process.env);
  const logFileArgument = process.argv.indexOf('--log-file');
  const logFile = logFileArgument > 0 ? process.argv[logFileArgument + 1] : join(tmpdir(), `activity-ledger-${mode}-${Date.now()}.log`);
  const logger = pino({ base: { app: 'projector-rebuild' }, level: 'info', timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ dest: logFile, sync: true }));
  const bar = commandProgressBar(`${mode === 'verify' ? 'verifying' : 'rebuilding'} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | {left} left`);
  bar.start(1, 0, { rate: 0, left: '?' });
  const result = await rebuildReadModels(config, logger, mode, ({ done, total, eventsPerSecond, secondsLeft }) => {
    bar.setTotal(Math.max(total, 1));
    bar.update(done, { rate: eventsPerSecond, left: secondsLeft === null ? '?' : `${secondsLeft}s` });
  }).finally(() => bar.stop());
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`replayed ${result.events} events in ${result.seconds.toFixed(1)}s into generation "${result.generation}"`);
  out(`set aside (would have been dead-lettered): ${result.setAside}`);
  out(`log: ${logFile}`);
  if (mode === 'switch') {
    // The original read models, from before any rebuild, have no generation name.
    const previous = result.previousGeneration === '' ? 'the original read models are' : `the previous generation "${result.previousGeneration}" is`;
    out(`readers now use "${result.generation}"; ${previous} kept for rollback`);
    return;
  }
  for (const d of result.differences.slice(0, 50)) out(`DIFFERENT ${d.collection} ${d.id}: ${d.kind}`);
  if (result.differences.length > 50) out(`… and ${result.differences.length - 50} more`);
  out(result.differences.length === 0 ? 'verified: rebuilt read models equal the live ones' : `${result.differences.length} difference(s)`);
  process.exit(result.differences.length === 0 ? 0 : 1);
});
