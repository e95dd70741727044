import type { Kafka } from 'kafkajs';
import type { PublicKeySet } from '@ledger/deployment-key';
import { readTopicRecords, topicExists, topicRanges } from '@ledger/kafka';
import { recordDigest } from './chain-bytes';
import { Checkpoint, decodeCheckpoint } from './checkpoint';
import { PartitionVerdict, PartitionVerifier, SealProblem } from './partition-verifier';
import { trustedCheckpoints } from './trusted-checkpoints';

export interface VerifyChainOptions {
  kafka: Kafka;
  ledgerTopic: string;
  sealsTopic: string;
  /** The public keys checkpoints may be signed with (the deployment's published key). */
  keys: PublicKeySet;
  /** Called after every batch read from the ledger. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface ChainVerdict {
  ledgerTopic: string;
  sealsTopic: string;
  partitions: PartitionVerdict[];
  /** Seal records that name no partition of this ledger because they cannot be read at all. */
  unreadableSeals: SealProblem[];
  checkpoints: number;
  events: number;
  /** True when every partition is intact and every seal checks out. */
  intact: boolean;
}

/**
 * Recomputes every partition's chain from its first offset up to its end as of now and compares it
 * with the signed checkpoints in the seals topic: the auditor's `verify-chain`.
 */
export async function verifyLedgerChain(options: VerifyChainOptions): Promise<ChainVerdict> {
  const { sealed, unreadable } = await readCheckpoints(options.kafka, options.sealsTopic, options.ledgerTopic);
  const ranges = await topicRanges(options.kafka, options.ledgerTopic);
  const partitions = new Set([...ranges.map((r) => r.partition), ...sealed.keys()]);
  const verifiers = new Map(
    [...partitions]
      .sort((a, b) => a - b)
      .map((partition) => {
        const { trusted, problems } = trustedCheckpoints(options.ledgerTopic, partition, sealed.get(partition) ?? [], options.keys);
        return [partition, new PartitionVerifier(options.ledgerTopic, partition, trusted, problems)] as const;
      }),
  );
  const total = ranges.reduce((sum, r) => sum + Number(BigInt(r.high) - BigInt(r.low)), 0);
  let done = 0;
  options.onProgress?.({ done, total });
  await readTopicRecords(options.kafka, options.ledgerTopic, (records, partition) => {
    const verifier = verifiers.get(partition)!;
    for (const record of records) verifier.accept(record.offset, recordDigest(record));
    done += records.length;
    options.onProgress?.({ done, total });
  });
  const verdicts = [...verifiers.values()].map((v) => v.finish());
  return {
    ledgerTopic: options.ledgerTopic,
    sealsTopic: options.sealsTopic,
    partitions: verdicts,
    unreadableSeals: unreadable,
    checkpoints: [...sealed.values()].reduce((sum, list) => sum + list.length, 0),
    events: done,
    intact: unreadable.length === 0 && verdicts.every((v) => !v.break && v.sealProblems.length === 0),
  };
}

/** Every checkpoint of `ledgerTopic` in the seals topic, per partition in the order sealed. */
export async function readCheckpoints(
  kafka: Kafka,
  sealsTopic: string,
  ledgerTopic: string,
): Promise<{ sealed: Map<number, Checkpoint[]>; unreadable: SealProblem[] }> {
  const sealed = new Map<number, Checkpoint[]>();
  const unreadable: SealProblem[] = [];
  if (!(await topicExists(kafka, sealsTopic))) return { sealed, unreadable };
  await readTopicRecords(kafka, sealsTopic, (records) => {
    for (const record of records) {
      const decoded = decodeCheckpoint(record.value);
      if (!decoded.ok) {
        unreadable.push({
          partition: null,
          fromOffset: null,
          throughOffset: null,
          problem: `seals record at offset ${record.offset}: ${decoded.problem}`,
        });
        continue;
      }
      if (decoded.checkpoint.topic !== ledgerTopic) continue;
      const list = sealed.get(decoded.checkpoint.partition) ?? [];
      list.push(decoded.checkpoint);
      sealed.set(decoded.checkpoint.partition, list);
    }
  });
  return { sealed, unreadable };
}
