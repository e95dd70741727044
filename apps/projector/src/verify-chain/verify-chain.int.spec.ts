import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { encodeLedgerEvent } from '@ledger/events';
import { encodeCheckpoint, readCheckpoints, signCheckpoint, genesisLink, nextLink, recordDigest, Checkpoint } from '@ledger/chain';
import { DeploymentKey } from '@ledger/deployment-key';
import { createKafka, ensureLedgerTopic, forgeTopicHistory, RawLedgerRecord, readTopicRecords } from '@ledger/kafka';
import { createLogger } from '@ledger/runtime';
import { isolatedAppEnv } from '@ledger/test-harness';
import { accessedEvent, ledgerForTest } from '../testing/ledger-fixtures';
import { runAudit } from '../testing/run-audit';
import { sealLedgerForTest } from '../testing/seal-for-test';

jest.setTimeout(180_000);

const PARTITIONS = 2;
/** Every test tampers with the sixth event of the busiest partition: offset 5, inside the second checkpoint of 4. */
const TAMPERED = 5;

interface SealedLedger {
  env: Record<string, string>;
  kafka: Awaited<ReturnType<typeof ledgerForTest>>['kafka'];
  records: Map<number, RawLedgerRecord[]>;
  /** The partition with the most events: the one each test tampers with. */
  target: number;
  other: number;
  close: () => Promise<void>;
}

/** A ledger of its own with 20 events over two partitions, sealed in checkpoints of 4 events. */
async function sealedLedger(): Promise<SealedLedger> {
  const env = isolatedAppEnv({ SEAL_EVERY_EVENTS: '4', SEAL_EVERY_MS: '200' });
  const kafka = createKafka(
    { brokers: env.KAFKA_BROKERS.split(','), clientId: 'test', ledgerTopic: env.LEDGER_TOPIC },
    createLogger('test', 'warn'),
  );
  await ensureLedgerTopic(kafka, env.LEDGER_TOPIC, PARTITIONS);
  const ledger = await ledgerForTest(env);
  const events = Array.from({ length: 20 }, (_, i) => accessedEvent(`learner-${i % 5}`, `session-${i}`, 60 + i));
  for (const event of events) await ledger.writer.append([event]);
  await sealLedgerForTest(env, ledger.kafka);
  const records = new Map<number, RawLedgerRecord[]>();
  await readTopicRecords(
    ledger.kafka,
    env.LEDGER_TOPIC,
    (batch, partition) => void records.set(partition, [...(records.get(partition) ?? []), ...batch]),
  );
  const [target, other] = [...records.keys()].sort((a, b) => records.get(b)!.length - records.get(a)!.length);
  // Five learners over two partitions: the busier one has at least three learners' four events each.
  expect(records.get(target)!.length).toBeGreaterThan(TAMPERED + 2);
  expect(other).toBeDefined();
  return { env, kafka: ledger.kafka, records, target, other, close: ledger.close };
}

/** Rewrites the target partition's history on the broker with `forge` applied; the other partitions are written back unchanged. */
async function tamper(ledger: SealedLedger, forge: (records: RawLedgerRecord[]) => RawLedgerRecord[]): Promise<void> {
  const forged = new Map([...ledger.records].map(([p, list]) => [p, p === ledger.target ? forge([...list]) : list]));
  await forgeTopicHistory(ledger.kafka, ledger.env.LEDGER_TOPIC, forged, PARTITIONS);
}

function editedValue(record: RawLedgerRecord): RawLedgerRecord {
  const event = JSON.parse(record.value!.toString('utf8'));
  return { ...record, value: encodeLedgerEvent({ ...event, data: { ...event.data, timeSpentSeconds: 6000 } }) };
}

describe('npm run audit -- verify-chain', () => {
  let ledger: SealedLedger;
  beforeEach(async () => {
    ledger = await sealedLedger();
  });
  afterEach(async () => {
    await ledger.close();
  });

  it('reports an untouched ledger intact through its last sealed offset, counts events not sealed yet, and exits 0', async () => {
    const writer = await ledgerForTest(ledger.env);
    await writer.writer.append([accessedEvent('learner-late', 'session-late', 1), accessedEvent('learner-late', 'session-late', 2)]);
    await writer.close();
    const { code, stdout } = await runAudit(['verify-chain'], ledger.env);
    for (const [partition, list] of ledger.records)
      expect(stdout).toContain(`partition ${partition}: intact through offset ${list.length - 1};`);
    const unsealed = [...stdout.matchAll(/(\d+) event\(s\) after the last seal not yet sealed/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(unsealed).toBe(2);
    expect(stdout).toContain('result: INTACT');
    expect(code).toBe(0);
  });

  it.each([
    ['altered', (records: RawLedgerRecord[]) => records.map((r, i) => (i === TAMPERED ? editedValue(r) : r))],
    [
      'inserted',
      (records: RawLedgerRecord[]) => [
        ...records.slice(0, TAMPERED),
        { ...records[TAMPERED], value: encodeLedgerEvent(accessedEvent('learner-0', 'session-x', 9999, { eventId: randomUUID() })) },
        ...records.slice(TAMPERED),
      ],
    ],
    ['removed', (records: RawLedgerRecord[]) => records.filter((_, i) => i !== TAMPERED)],
    [
      'reordered',
      (records: RawLedgerRecord[]) => [
        ...records.slice(0, TAMPERED),
        records[TAMPERED + 1],
        records[TAMPERED],
        ...records.slice(TAMPERED + 2),
      ],
    ],
  ])('finds an event %s directly on the broker, at its offset, and exits 1', async (kind, forge) => {
    await tamper(ledger, forge);
    const { code, stdout } = await runAudit(['verify-chain'], ledger.env);
    expect(stdout).toMatch(new RegExp(`partition ${ledger.target}: BROKEN at offset ${TAMPERED}: .*\\(${kind}\\)`));
    expect(stdout).toContain(`partition ${ledger.other}: intact through offset ${ledger.records.get(ledger.other)!.length - 1};`);
    expect(stdout).toContain('result: BROKEN');
    expect(code).toBe(1);
  });

  it('finds a checkpoint re-signed by someone without the deployment key, even when it matches the altered ledger', async () => {
    const env = ledger.env;
    const sealsTopic = `${env.LEDGER_TOPIC}.seals`;
    const { sealed } = await readCheckpoints(ledger.kafka, sealsTopic, env.LEDGER_TOPIC);
    const attacker = await DeploymentKey.fromPrivateKey(generateKeyPairSync('ed25519').privateKey);
    const altered = ledger.records.get(ledger.target)!.map((r, i) => (i === TAMPERED ? editedValue(r) : r));
    // The attacker alters the event, recomputes the chain honestly, and re-seals it claiming the deployment's key id.
    const forgedCheckpoints = resealed(env.LEDGER_TOPIC, ledger.target, sealed.get(ledger.target)!, altered, attacker);
    const deploymentKeyId = sealed.get(ledger.target)![0].keyId;
    const seals = [...sealed.entries()].flatMap(([p, list]) =>
      p === ledger.target ? forgedCheckpoints.map((c) => ({ ...c, keyId: deploymentKeyId })) : list,
    );
    await forgeTopicHistory(
      ledger.kafka,
      sealsTopic,
      new Map([[0, seals.map((c, i) => ({ partition: 0, offset: String(i), key: null, value: encodeCheckpoint(c), headers: [] }))]]),
      1,
    );
    await tamper(ledger, () => altered);
    const { code, stdout } = await runAudit(['verify-chain'], env);
    expect(stdout).toMatch(new RegExp(`SEAL PROBLEM partition ${ledger.target}, checkpoint of offsets 0-3: signature does not verify`));
    expect(stdout).toContain('result: BROKEN');
    expect(code).toBe(1);
  });
});

/** Checkpoints over `records` with the same ranges as `original`, signed by `key`: what a forger with broker access could write. */
function resealed(topic: string, partition: number, original: Checkpoint[], records: RawLedgerRecord[], key: DeploymentKey): Checkpoint[] {
  let link = genesisLink(topic, partition);
  return original.map((checkpoint) => {
    const previousLink = link.toString('hex');
    const slice = records.slice(Number(checkpoint.fromOffset), Number(checkpoint.throughOffset) + 1);
    const digests = slice.map((r) => recordDigest(r));
    slice.forEach((r, i) => (link = nextLink(link, partition, r.offset, digests[i])));
    return signCheckpoint(
      { ...checkpoint, previousLink, link: link.toString('hex'), eventDigests: digests.map((d) => d.toString('hex')) },
      key,
    );
  });
}
