import { NestFactory } from '@nestjs/core';
import type { Kafka } from 'kafkajs';
import { readCheckpoints } from '@ledger/chain';
import { topicRanges } from '@ledger/kafka';
import { createLogger } from '@ledger/runtime';
import { eventually } from '@ledger/test-harness';
import { loadProjectorConfig } from '../config';
import { SealLedgerModule } from '../seal-ledger/seal-ledger.module';

/** Whether every record now in the ledger topic is covered by a checkpoint in the seals topic. */
export async function sealedToEnd(kafka: Kafka, ledgerTopic: string, sealsTopic: string): Promise<boolean> {
  const { sealed } = await readCheckpoints(kafka, sealsTopic, ledgerTopic);
  const ranges = await topicRanges(kafka, ledgerTopic);
  return ranges.every((r) => {
    const last = sealed.get(r.partition)?.at(-1);
    return BigInt(r.high) === 0n || (last !== undefined && BigInt(last.throughOffset) + 1n >= BigInt(r.high));
  });
}

/** Runs the sealer alone (configured from `env`) until everything in the ledger is sealed, then stops it. */
export async function sealLedgerForTest(env: Record<string, string>, kafka: Kafka): Promise<void> {
  const config = loadProjectorConfig(env);
  const app = await NestFactory.createApplicationContext(SealLedgerModule.register(config, createLogger('sealer', 'warn')), {
    logger: false,
  });
  await app.init();
  try {
    await eventually(async () => ((await sealedToEnd(kafka, config.ledgerTopic, config.sealing.sealsTopic)) ? true : undefined));
  } finally {
    await app.close();
  }
}
