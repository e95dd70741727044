import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { NestFactory } from '@nestjs/core';
import { verifyLedgerChain } from '@ledger/chain';
import { DeploymentKey } from '@ledger/deployment-key';
import type { LedgerEvent } from '@ledger/events';
import { createKafka, ensureLedgerTopic, groupCaughtUp, groupIsStable, LedgerWriter, readTopicRecords, topicExists } from '@ledger/kafka';
import { createLogger } from '@ledger/runtime';
import { RunningStack, SupervisedProcess } from '@ledger/test-harness';
import { loadProjectorConfig } from '../apps/projector/src/config';
import { SealLedgerModule } from '../apps/projector/src/seal-ledger/seal-ledger.module';
import { benchEvent, printTable, rate } from './bench-kit';
import { benchIngest, IngestBenchOptions } from './ingest.bench';

const ROOT = resolve(__dirname, '..');

export interface ChainBenchOptions {
  /** Events appended, sealed, then read twice by each reader. */
  events: number;
  /** Ingest runs without and with the sealer, alternating, this many pairs. */
  ingestPairs: number;
  ingest: Omit<IngestBenchOptions, 'alongside'>;
}

/**
 * The hash chain's costs, in one run on one broker:
 *  - verification: `verifyLedgerChain` (read the seals, read the ledger, hash and compare every event)
 *    against a raw consume of the same topic by the same reader with a handler that does nothing;
 *  - sealing alongside ingest: the ingest scenario without and with a sealer process on its ledger
 *    topic, alternating, so drift of the machine shows up as the spread between pairs.
 */
export async function benchChain(stack: RunningStack, options: ChainBenchOptions): Promise<void> {
  const logger = createLogger('bench', 'warn');
  const suffix = Date.now().toString(36);
  const env = {
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    MONGO_URL: stack.mongoUrl,
    LEDGER_TOPIC: `bench-chain-${suffix}`,
    PROJECTOR_GROUP: `bench-chain-${suffix}`,
    // Catching up, checkpoints fill by count; a short timer only keeps each partition's tail from waiting the default 5 s.
    SEAL_EVERY_MS: '100',
    LOG_LEVEL: 'warn',
  };
  const config = loadProjectorConfig(env);
  const kafka = createKafka({ brokers: stack.kafkaBrokers, clientId: 'bench', ledgerTopic: env.LEDGER_TOPIC }, logger);
  await ensureLedgerTopic(kafka, env.LEDGER_TOPIC);
  await appendEvents(kafka, env.LEDGER_TOPIC, options.events);

  const sealCpu = process.cpuUsage();
  const sealStarted = performance.now();
  const sealer = await NestFactory.createApplicationContext(SealLedgerModule.register(config, logger), { logger: false });
  await sealer.init();
  await untilSealed(kafka, config.sealing.consumerGroup, env.LEDGER_TOPIC);
  const sealMs = performance.now() - sealStarted;
  const sealCpuPerEvent = cpuMicrosPerEvent(sealCpu, options.events);
  await sealer.close();

  const keys = (await DeploymentKey.load(config.deploymentKey)).publicKeys();
  const rows: Array<[string, string]> = [
    [
      `sealing from offset 0 (${config.sealing.everyEvents} events or ${config.sealing.everyMs} ms per checkpoint)`,
      `${rate(options.events, sealMs)} events/s, ${sealCpuPerEvent} µs CPU/event`,
    ],
  ];
  const ratios: number[] = [];
  for (let round = 1; round <= 2; round++) {
    let read = 0;
    const rawCpu = process.cpuUsage();
    const rawStarted = performance.now();
    await readTopicRecords(kafka, env.LEDGER_TOPIC, (records) => void (read += records.length));
    const raw = rate(read, performance.now() - rawStarted);
    const rawCpuPerEvent = cpuMicrosPerEvent(rawCpu, read);
    const verifyCpu = process.cpuUsage();
    const verifyStarted = performance.now();
    const verdict = await verifyLedgerChain({ kafka, ledgerTopic: env.LEDGER_TOPIC, sealsTopic: config.sealing.sealsTopic, keys });
    const verify = rate(verdict.events, performance.now() - verifyStarted);
    const verifyCpuPerEvent = cpuMicrosPerEvent(verifyCpu, verdict.events);
    const unsealed = verdict.partitions.reduce((n, p) => n + p.unsealed, 0);
    if (!verdict.intact || unsealed > 0 || verdict.events !== options.events || read !== options.events) {
      throw new Error(`round ${round}: read ${read}, verified ${verdict.events}, intact ${verdict.intact}, unsealed ${unsealed}`);
    }
    ratios.push(verify / raw);
    rows.push(
      [`round ${round}: raw consume (same reader, no-op handler)`, `${raw} events/s, ${rawCpuPerEvent} µs CPU/event`],
      [`round ${round}: verify-chain (seals + ledger, hash, compare)`, `${verify} events/s, ${verifyCpuPerEvent} µs CPU/event`],
    );
  }
  rows.push(['verify / raw consume', ratios.map((r) => r.toFixed(2)).join(', ')]);
  printTable(`chain verification: ${options.events} events, ${config.sealing.everyEvents} per checkpoint`, rows);

  const ingestRows: Array<[string, string]> = [];
  const ingestRatios: number[] = [];
  for (let pair = 1; pair <= options.ingestPairs; pair++) {
    const without = await benchIngest(stack, options.ingest);
    const withSealer = await benchIngest(stack, { ...options.ingest, alongside: { name: 'a sealer process', start: startSealerProcess } });
    ingestRatios.push(withSealer.http / without.http);
    ingestRows.push([
      `pair ${pair}: HTTP without / with sealer`,
      `${without.http} / ${withSealer.http} events/s → ${ingestRatios.at(-1)!.toFixed(2)}`,
    ]);
  }
  ingestRows.push(['median with/without', median(ingestRatios).toFixed(2)]);
  printTable('ingest with a sealer running on its ledger topic (target: with/without ≥ 0.90)', ingestRows);
}

/** CPU time (user + system) this process spent since `since`, per event, in microseconds. */
function cpuMicrosPerEvent(since: NodeJS.CpuUsage, events: number): number {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / events);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function appendEvents(kafka: ReturnType<typeof createKafka>, topic: string, count: number): Promise<void> {
  const writer = new LedgerWriter(kafka, topic);
  await writer.connect();
  const recordedAt = new Date().toISOString();
  for (let i = 0; i < count; i += 1000) {
    const batch = Array.from(
      { length: Math.min(1000, count - i) },
      (_, j) => ({ ...benchEvent(i + j), recordedAt, source: 'bench', eventId: randomUUID() }) as LedgerEvent,
    );
    await writer.append(batch);
  }
  await writer.disconnect();
}

/** Waits until the sealer group committed every partition's end: it commits right after each checkpoint is acknowledged. */
async function untilSealed(kafka: ReturnType<typeof createKafka>, group: string, topic: string): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (!(await groupCaughtUp(kafka, group, topic))) {
    if (Date.now() > deadline) throw new Error(`${group} did not seal ${topic} within 10 minutes`);
    await sleep(50);
  }
}

/**
 * A sealer in its own process (as the projector would run it) on the ingest run's ledger topic; stopping it
 * first waits until it sealed everything.
 */
async function startSealerProcess(appEnv: Record<string, string>): Promise<{ stop: () => Promise<void> }> {
  const env = { ...appEnv, PROJECTOR_GROUP: `bench-sealer-${Date.now()}` };
  const config = loadProjectorConfig(env);
  const kafka = createKafka(
    { brokers: config.kafkaBrokers, clientId: 'bench', ledgerTopic: config.ledgerTopic },
    createLogger('bench', 'warn'),
  );
  const sealer = await SupervisedProcess.start({
    name: 'sealer',
    command: process.execPath,
    args: [
      ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', join(ROOT, '.infra', 'profiles')] : []),
      join(ROOT, 'dist', 'apps', 'projector', 'src', 'seal-ledger', 'seal-ledger.main.js'),
    ],
    cwd: ROOT,
    env: { ...process.env, ...env },
    logFile: join(ROOT, '.infra', 'bench-sealer.log'),
    isReady: async () => (await topicExists(kafka, config.sealing.sealsTopic)) && groupIsStable(kafka, config.sealing.consumerGroup),
    readyTimeoutMs: 60_000,
  });
  return {
    stop: async () => {
      const started = performance.now();
      await untilSealed(kafka, config.sealing.consumerGroup, config.ledgerTopic);
      const after = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `  (every ingested event was sealed ${after} s after the last was acknowledged;` +
          ` policy ${config.sealing.everyEvents} events or ${config.sealing.everyMs} ms)`,
      );
      await sealer.stop();
    },
  };
}
