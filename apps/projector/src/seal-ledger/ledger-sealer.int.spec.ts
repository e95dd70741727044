import { join, resolve } from 'node:path';
import { readCheckpoints, trustedCheckpoints, verifyLedgerChain } from '@ledger/chain';
import { DeploymentKey, PublicJwk, PublicKeySet } from '@ledger/deployment-key';
import { topicRanges } from '@ledger/kafka';
import { eventually, isolatedAppEnv, SupervisedProcess, uniqueName } from '@ledger/test-harness';
import { loadProjectorConfig } from '../config';
import { accessedEvent, ledgerForTest } from '../testing/ledger-fixtures';
import { sealedToEnd } from '../testing/seal-for-test';
import { startProjectorForTest } from '../testing/start-projector-for-test';

const ROOT = resolve(__dirname, '../../../..');
jest.setTimeout(240_000);

type Ledger = Awaited<ReturnType<typeof ledgerForTest>>;
const events = (count: number, round: string) =>
  Array.from({ length: count }, (_, i) => accessedEvent(`learner-${i % 7}`, `session-${round}-${i}`, 10 + i));

/** Every checkpoint of the ledger, checked per partition: trusted (signed, chained, no overlap) and covering every offset. */
async function expectSealedExactlyOnce(ledger: Ledger, env: Record<string, string>, keys: PublicKeySet): Promise<void> {
  const { sealed } = await readCheckpoints(ledger.kafka, `${env.LEDGER_TOPIC}.seals`, env.LEDGER_TOPIC);
  for (const range of await topicRanges(ledger.kafka, env.LEDGER_TOPIC)) {
    const checkpoints = sealed.get(range.partition) ?? [];
    expect(trustedCheckpoints(env.LEDGER_TOPIC, range.partition, checkpoints, keys).problems).toEqual([]);
    expect(checkpoints.reduce((n, c) => n + c.eventDigests.length, 0)).toBe(Number(range.high));
  }
  const verdict = await verifyLedgerChain({
    kafka: ledger.kafka,
    ledgerTopic: env.LEDGER_TOPIC,
    sealsTopic: `${env.LEDGER_TOPIC}.seals`,
    keys,
  });
  expect(verdict.intact).toBe(true);
  expect(verdict.partitions.every((p) => p.unsealed === 0)).toBe(true);
}

describe('the sealer', () => {
  it('runs inside the projector, publishes its key, and after a restart continues the chain without a gap or a double seal', async () => {
    const env = isolatedAppEnv({ SEAL_EVERY_EVENTS: '5', SEAL_EVERY_MS: '300' });
    const ledger = await ledgerForTest(env);
    try {
      await ledger.writer.append(events(12, 'a'));
      const first = await startProjectorForTest(env);
      await eventually(async () => ((await sealedToEnd(ledger.kafka, env.LEDGER_TOPIC, `${env.LEDGER_TOPIC}.seals`)) ? true : undefined));
      const jwks = (await (await fetch(`${first.url}/.well-known/jwks.json`)).json()) as { keys: PublicJwk[] };
      const deploymentKey = await DeploymentKey.load(loadProjectorConfig(env).deploymentKey);
      expect(jwks.keys).toEqual([deploymentKey.publicJwk]);
      await first.app.close();

      await ledger.writer.append(events(9, 'b'));
      const second = await startProjectorForTest(env);
      await eventually(async () => ((await sealedToEnd(ledger.kafka, env.LEDGER_TOPIC, `${env.LEDGER_TOPIC}.seals`)) ? true : undefined));
      await second.app.close();
      await expectSealedExactlyOnce(ledger, env, PublicKeySet.fromJwks(jwks));
    } finally {
      await ledger.close();
    }
  });

  it('killed with events read but not sealed, resumes from its last checkpoint: the next one seals exactly what follows', async () => {
    const env = isolatedAppEnv({ SEAL_EVERY_EVENTS: '4' });
    const ledger = await ledgerForTest(env);
    const running: SupervisedProcess[] = [];
    const startSealer = async (name: string, everyMs: string) => {
      const sealer = await SupervisedProcess.start({
        name,
        command: process.execPath,
        args: ['-r', '@swc-node/register', join(ROOT, 'apps/projector/src/seal-ledger/seal-ledger.main.ts')],
        cwd: ROOT,
        env: { ...process.env, ...env, SEAL_EVERY_MS: everyMs },
        logFile: join(ROOT, '.infra', `${uniqueName(name)}.log`),
        isReady: async () => (await readCheckpoints(ledger.kafka, `${env.LEDGER_TOPIC}.seals`, env.LEDGER_TOPIC)).sealed.size > 0,
        readyTimeoutMs: 60_000,
      });
      running.push(sealer);
      return sealer;
    };
    try {
      await ledger.writer.append(events(30, 'a'));
      const ranges = await topicRanges(ledger.kafka, env.LEDGER_TOPIC);
      const fullCheckpoints = ranges.reduce((n, r) => n + Math.floor(Number(r.high) / 4), 0);
      const leftPending = ranges.reduce((n, r) => n + (Number(r.high) % 4), 0);
      expect(leftPending).toBeGreaterThan(0); // so the kill really leaves read-but-unsealed events behind
      // An hour between timed seals: only full checkpoints of 4 are written before the kill.
      const first = await startSealer('sealer-1', '3600000');
      await eventually(async () => {
        const { sealed } = await readCheckpoints(ledger.kafka, `${env.LEDGER_TOPIC}.seals`, env.LEDGER_TOPIC);
        return [...sealed.values()].reduce((n, list) => n + list.length, 0) === fullCheckpoints ? true : undefined;
      });
      await first.kill();

      await ledger.writer.append(events(11, 'b'));
      await startSealer('sealer-2', '200');
      await eventually(
        async () => ((await sealedToEnd(ledger.kafka, env.LEDGER_TOPIC, `${env.LEDGER_TOPIC}.seals`)) ? true : undefined),
        120_000,
      );
      const key = await DeploymentKey.load(loadProjectorConfig(env).deploymentKey);
      await expectSealedExactlyOnce(ledger, env, key.publicKeys());
    } finally {
      for (const sealer of running) await sealer.stop();
      await ledger.close();
    }
  });
});
