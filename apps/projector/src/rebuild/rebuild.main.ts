import 'reflect-metadata';
import { createLogger, runMain } from '@ledger/runtime';
import { loadProjectorConfig } from '../config';
import { rebuildReadModels, RebuildMode } from './rebuild-read-models';

/**
 * `npm run projector:rebuild` — replay the ledger into new read models and switch readers to them.
 * `npm run projector:verify`  — replay into a scratch generation and compare with the live read
 *                                models; exits 1 and lists every difference if they are not equal.
 * Uses the projector's environment (KAFKA_BROKERS, LEDGER_TOPIC, PROJECTOR_GROUP, MONGO_URL, …).
 */
runMain('projector-rebuild', async () => {
  const mode: RebuildMode = process.argv.includes('--verify') ? 'verify' : 'switch';
  const config = loadProjectorConfig(process.env);
  const logger = createLogger('projector-rebuild', 'warn');
  let lastLine = 0;
  const result = await rebuildReadModels(config, logger, mode, ({ done, total, eventsPerSecond, secondsLeft }) => {
    if (Date.now() - lastLine < 1000 && done < total) return;
    lastLine = Date.now();
    const left = secondsLeft === null ? '?' : `${secondsLeft}s`;
    process.stdout.write(`replayed ${done}/${total} events · ${eventsPerSecond} events/s · ${left} left\n`);
  });
  process.stdout.write(`replayed ${result.events} events in ${result.seconds.toFixed(1)}s into generation "${result.generation}"\n`);
  if (mode === 'switch') {
    process.stdout.write(`readers now use "${result.generation}"; the previous generation "${result.previousGeneration}" is kept for rollback\n`);
    return;
  }
  for (const d of result.differences) process.stdout.write(`DIFFERENT ${d.collection} ${d.id}: ${d.kind}\n`);
  process.stdout.write(result.differences.length === 0 ? 'verified: rebuilt read models equal the live ones\n' : `${result.differences.length} difference(s)\n`);
  process.exit(result.differences.length === 0 ? 0 : 1);
});
