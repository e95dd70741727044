import type { Logger } from 'pino';
import { verifyLedgerChain } from '@ledger/chain';
import { DeploymentKey, PublicKeySet } from '@ledger/deployment-key';
import { createKafka } from '@ledger/kafka';
import { commandProgressBar } from '@ledger/runtime';
import type { ProjectorConfig } from '../config';
import { chainReport } from './chain-report';

/**
 * `audit verify-chain`: recomputes every partition's hash chain from offset 0 with a progress bar (on
 * stderr), checks every checkpoint against the public key, prints the report on stdout and returns
 * the exit code: 0 when intact, 1 on any break or bad seal.
 */
export async function runVerifyChain(
  config: ProjectorConfig,
  logger: Logger,
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const keys = config.auditPublicKeyFile
    ? await PublicKeySet.fromFile(config.auditPublicKeyFile)
    : (await DeploymentKey.load({ file: config.deploymentKey.file, generateIfMissing: false })).publicKeys();
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'audit', ledgerTopic: config.ledgerTopic }, logger);
  out.write(
    `verify-chain: ledger "${config.ledgerTopic}", seals "${config.sealing.sealsTopic}", public key(s) ${keys.keyIds.join(', ')}\n`,
  );
  const bar = commandProgressBar('verifying [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | eta {eta}s');
  const started = performance.now();
  let barStarted = false;
  const verdict = await verifyLedgerChain({
    kafka,
    ledgerTopic: config.ledgerTopic,
    sealsTopic: config.sealing.sealsTopic,
    keys,
    onProgress: ({ done, total }) => {
      const rate = Math.round(done / Math.max((performance.now() - started) / 1000, 0.001));
      if (!barStarted) bar.start(total, done, { rate });
      barStarted = true;
      bar.update(done, { rate });
    },
  }).finally(() => bar.stop());
  const seconds = (performance.now() - started) / 1000;
  for (const line of chainReport(verdict)) out.write(`${line}\n`);
  out.write(`verified in ${seconds.toFixed(1)} s (${Math.round(verdict.events / Math.max(seconds, 0.001))} events/s)\n`);
  return verdict.intact ? 0 : 1;
}
