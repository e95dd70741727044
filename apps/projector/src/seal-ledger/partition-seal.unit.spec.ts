import { generateKeyPairSync } from 'node:crypto';
import { PartitionVerifier, recordDigest, signCheckpoint, trustedCheckpoints, ChainRecord } from '@ledger/chain';
import { DeploymentKey } from '@ledger/deployment-key';
import { CheckpointBody, PartitionSeal } from './partition-seal';

const TOPIC = 'ledger';
const record = (offset: number): ChainRecord => ({
  partition: 2,
  offset: String(offset),
  key: Buffer.from('k'),
  value: Buffer.from(`v${offset}`),
  headers: [],
});
const policy = { everyEvents: 3, everyMs: 1000 };

function feed(seal: PartitionSeal, offsets: number[], now = 0): CheckpointBody[] {
  return offsets.flatMap((offset) => seal.accept(record(offset), now));
}

describe('PartitionSeal', () => {
  it('cuts a checkpoint every N events, listing each digest and chaining from the previous link', () => {
    const seal = new PartitionSeal(TOPIC, 2, policy);
    const cut = feed(seal, [0, 1, 2, 3, 4, 5, 6]);
    expect(cut.map((c) => [c.fromOffset, c.throughOffset])).toEqual([
      ['0', '2'],
      ['3', '5'],
    ]);
    expect(cut[1].previousLink).toBe(cut[0].link);
    expect(cut[0].eventDigests).toEqual([0, 1, 2].map((o) => recordDigest(record(o)).toString('hex')));
    expect(seal.resumeAt).toBe('7');
  });

  it('seals what waited T milliseconds, and only then (or on request)', () => {
    const seal = new PartitionSeal(TOPIC, 2, policy);
    feed(seal, [0], 10_000);
    expect(seal.takeIfDue(10_999)).toBeUndefined();
    expect(seal.takeIfDue(11_000)).toMatchObject({ fromOffset: '0', throughOffset: '0' });
    feed(seal, [1], 20_000);
    expect(seal.takeIfDue(20_001, true)).toMatchObject({ fromOffset: '1', throughOffset: '1' });
    expect(seal.takeIfDue(99_999, true)).toBeUndefined();
  });

  it('skips redelivered records, and never lets a checkpoint span a gap in offsets', () => {
    const seal = new PartitionSeal(TOPIC, 2, policy);
    expect(feed(seal, [0, 1, 0, 1, 4])).toEqual([expect.objectContaining({ fromOffset: '0', throughOffset: '1' })]);
    expect(seal.takeIfDue(0, true)).toMatchObject({ fromOffset: '4', throughOffset: '4' });
  });

  it('resumed from its last checkpoint, it continues the same chain without a gap or a repeat', async () => {
    const key = await DeploymentKey.fromPrivateKey(generateKeyPairSync('ed25519').privateKey);
    const first = new PartitionSeal(TOPIC, 2, policy);
    const before = feed(first, [0, 1, 2, 3]);
    const resumed = new PartitionSeal(TOPIC, 2, policy, before[before.length - 1]);
    expect(resumed.resumeAt).toBe('3');
    const after = [...feed(resumed, [2, 3, 4, 5, 6]), resumed.takeIfDue(0, true)!];
    const checkpoints = [...before, ...after].map((body) => signCheckpoint({ ...body, sealedAt: '2026-12-01T00:00:00Z' }, key));
    expect(checkpoints.map((c) => `${c.fromOffset}-${c.throughOffset}`)).toEqual(['0-2', '3-5', '6-6']);
    const { trusted, problems } = trustedCheckpoints(TOPIC, 2, checkpoints, key.publicKeys());
    const verifier = new PartitionVerifier(TOPIC, 2, trusted, problems);
    for (let offset = 0; offset <= 6; offset++) verifier.accept(String(offset), recordDigest(record(offset)));
    expect(verifier.finish()).toMatchObject({ intactThrough: '6', unsealed: 0, sealProblems: [] });
  });
});
