import { resolve } from 'node:path';
import { createKafka, ensureLedgerTopic } from '@ledger/kafka';
import { createLogger } from '@ledger/runtime';
import { clientAccessToken, LOCAL_CLIENTS_FILE, localClientSecret, RunningStack, startTestIdentity, stopTestIdentity } from '@ledger/test-harness';
import { benchAppEnv, startBenchApp } from './bench-apps';
import { benchEvent, printTable, rate, runConcurrently } from './bench-kit';

const ROOT = resolve(__dirname, '..');

export interface IngestBenchOptions {
  batches: number;
  batchSize: number;
  clients: number;
  /** Started beside the ingest app on the same ledger topic (e.g. a sealer), stopped after the run; named in the output. */
  alongside?: { name: string; start: (env: Record<string, string>) => Promise<{ stop: () => Promise<void> }> };
}

/**
 * Ingest throughput against its raw baseline, same broker, same run, same message bytes:
 *  (a) kafkajs sendBatch straight to a topic (idempotent producer, acks=-1), `clients` concurrent senders;
 *  (b) POST /v1/events on the ingest app (a separate process) with `clients` concurrent HTTP clients.
 * Target: b/a ≥ 0.5.
 */
export async function benchIngest(stack: RunningStack, options: IngestBenchOptions): Promise<{ raw: number; http: number; ratio: number }> {
  const logger = createLogger('bench', 'warn');
  const total = options.batches * options.batchSize;
  const batches = Array.from({ length: options.batches }, (_, b) =>
    Array.from({ length: options.batchSize }, (_, i) => benchEvent(b * options.batchSize + i)),
  );

  // (a) raw: the same envelopes ingest would append (with the fields the ledger adds), same keys.
  const rawTopic = `bench-raw-${Date.now()}`;
  const kafka = createKafka({ brokers: stack.kafkaBrokers, clientId: 'bench-raw', ledgerTopic: rawTopic }, logger);
  await ensureLedgerTopic(kafka, rawTopic);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 5 });
  await producer.connect();
  const recordedAt = new Date().toISOString();
  const rawMessages = batches.map((batch) =>
    batch.map((event) => ({ key: String(event.subject), value: Buffer.from(JSON.stringify({ ...event, recordedAt, source: 'bench' })) })),
  );
  await producer.send({ topic: rawTopic, acks: -1, messages: rawMessages[0].slice(0, 10) }); // warm-up: metadata, producer id
  const rawMs = await runConcurrently(options.clients, options.batches, async (b) => {
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic: rawTopic, messages: rawMessages[b] }] });
  });
  await producer.disconnect();

  // (b) HTTP through the ingest app, run from the build like production, authenticated as a player
  // client with a real token from the local OpenID provider (fetched once, as a player would).
  const issuer = await startTestIdentity(ROOT);
  const token = await clientAccessToken(issuer, 'demo-player', localClientSecret('demo-player'));
  const appEnv = { ...benchAppEnv(stack, 'ingest'), OIDC_ISSUER: issuer, INGEST_CLIENTS_FILE: LOCAL_CLIENTS_FILE };
  const ingest = await startBenchApp('ingest', 'ingest', appEnv);
  const beside = await options.alongside?.start(appEnv);
  try {
    const post = async (events: unknown[]) => {
      const response = await fetch(`${ingest.url}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ events }),
      });
      if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    };
    await post([benchEvent(-1)]); // warm-up
    const httpMs = await runConcurrently(options.clients, options.batches, (b) => post(batches[b]));
    const raw = rate(total, rawMs);
    const http = rate(total, httpMs);
    const ratio = http / raw;
    const besides = options.alongside ? `, with ${options.alongside.name} running` : '';
    printTable(`ingest: ${total} events, batches of ${options.batchSize}, ${options.clients} concurrent clients${besides}`, [
      ['(a) raw kafkajs sendBatch, acks=-1', `${raw} events/s`],
      ['(b) HTTP POST /v1/events', `${http} events/s`],
      ['ratio b/a (target ≥ 0.5)', ratio.toFixed(2)],
    ]);
    return { raw, http, ratio };
  } finally {
    await beside?.stop();
    await ingest.process.stop();
    await stopTestIdentity();
  }
}
