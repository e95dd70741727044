import { parseArgs } from 'node:util';
import type { Logger } from 'pino';
import { createKafka } from '@ledger/kafka';
import { commandProgressBar } from '@ledger/runtime';
import { AsOfScope, describeCut, LedgerCut, ReadStore } from '@ledger/read-store';
import type { ProjectorConfig } from '../config';
import { asOfGeneration } from '../rebuild/as-of-generations';
import { cutAtPositions, findLedgerCut } from '../rebuild/find-ledger-cut';
import { asOfDirections } from './as-of-directions';
import { learnerRecordLines, readLearnerRecord } from './learner-record-lines';

export const AS_OF_USAGE = 'as-of (--at <ISO-8601 instant> | --position <partition:offset,…>) [--learner <id>] [--whole]';

/**
 * `audit as-of`: the read models as they stood at an instant (or ledger position), computed by replaying
 * the ledger cut there (a progress bar on stderr), reused while kept. With `--learner`, only what the
 * learner's record needs is replayed (add `--whole` to replay everything) and the record is printed.
 * Every output starts with the cut it was computed at, and ends with the as-of key and how to open
 * the record, certificates and reports as of the moment through reporting. Returns the exit code (2 for bad arguments).
 */
export async function runAsOf(config: ProjectorConfig, logger: Logger, args: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  let options: { at?: string; position?: string; learner?: string; whole?: boolean };
  try {
    options = parseArgs({ args, options: { at: { type: 'string' }, position: { type: 'string' }, learner: { type: 'string' }, whole: { type: 'boolean' } } }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nusage: npm run audit -- ${AS_OF_USAGE}\n`);
    return 2;
  }
  const instant = options.at === undefined ? undefined : new Date(options.at);
  if ((instant === undefined) === (options.position === undefined) || (instant !== undefined && Number.isNaN(instant.getTime()))) {
    process.stderr.write(`give either --at with an ISO-8601 instant or --position\nusage: npm run audit -- ${AS_OF_USAGE}\n`);
    return 2;
  }
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'audit', ledgerTopic: config.ledgerTopic }, logger);
  let cut: LedgerCut;
  try {
    cut = instant ? await findLedgerCut(kafka, config.ledgerTopic, instant, config.asOf.clockMarginMs) : await cutAtPositions(kafka, config.ledgerTopic, options.position!);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const scope: AsOfScope = options.learner && !options.whole ? { kind: 'learner', learnerId: options.learner } : { kind: 'ledger' };
  out.write(`as of ${cut.asOf ?? 'the ledger position given'}: ledger "${cut.topic}" cut at ${describeCut(cut)}\n`);
  const store = await ReadStore.connect({ mongoUrl: config.mongoUrl, database: config.database, ferretDbPostgresUrl: config.ferretDbPostgresUrl });
  const bar = commandProgressBar('replaying [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | {left} left');
  bar.start(1, 0, { rate: 0, left: '?' });
  try {
    const { document, reused } = await asOfGeneration(config, logger, store, cut, scope, ({ done, total, eventsPerSecond, secondsLeft }) => {
      bar.setTotal(Math.max(total, 1));
      bar.update(done, { rate: eventsPerSecond, left: secondsLeft === null ? '?' : `${secondsLeft}s` });
    }).finally(() => bar.stop());
    const what = scope.kind === 'learner' ? `learner ${scope.learnerId}'s record only (targeted replay)` : 'every read model';
    out.write(`${reused ? 'reused' : 'computed'} generation "${document.generation}" (${what}): ${document.eventsRead} events read, ${document.eventsApplied} applied, ${document.seconds.toFixed(1)} s; kept until ${document.expiresAt}\n`);
    const learner = options.learner ? await readLearnerRecord(store, document.generation, options.learner) : null;
    const lines = [...(learner ? learnerRecordLines(learner) : []), ...asOfDirections(document, learner)];
    out.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
