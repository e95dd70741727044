import { generateKeyPairSync } from 'node:crypto';
import { DeploymentKey, PublicKeySet } from '@ledger/deployment-key';
import { genesisLink, nextLink, recordDigest } from './chain-bytes';
import { Checkpoint, signCheckpoint } from './checkpoint';
import { PartitionVerifier } from './partition-verifier';
import { trustedCheckpoints } from './trusted-checkpoints';

const TOPIC = 'ledger-under-test';
const event = (name: string) => recordDigest({ key: Buffer.from('learner'), value: Buffer.from(`{"eventId":"${name}"}`), headers: [] });

/** Seals `names` (offsets 0…) in checkpoints of `size` events, the way the sealer does. */
function seal(key: DeploymentKey, names: string[], size: number): Checkpoint[] {
  const checkpoints: Checkpoint[] = [];
  let link = genesisLink(TOPIC, 0);
  for (let from = 0; from < names.length; from += size) {
    const previousLink = link.toString('hex');
    const digests = names.slice(from, from + size).map(event);
    digests.forEach((digest, i) => (link = nextLink(link, 0, String(from + i), digest)));
    checkpoints.push(
      signCheckpoint(
        {
          topic: TOPIC,
          partition: 0,
          fromOffset: String(from),
          throughOffset: String(from + digests.length - 1),
          previousLink,
          link: link.toString('hex'),
          eventDigests: digests.map((d) => d.toString('hex')),
          sealedAt: '2026-12-01T00:00:00Z',
        },
        key,
      ),
    );
  }
  return checkpoints;
}

function verify(checkpoints: Checkpoint[], keys: PublicKeySet, ledger: string[]) {
  const { trusted, problems } = trustedCheckpoints(TOPIC, 0, checkpoints, keys);
  const verifier = new PartitionVerifier(TOPIC, 0, trusted, problems);
  ledger.forEach((name, offset) => verifier.accept(String(offset), event(name)));
  return verifier.finish();
}

describe('PartitionVerifier with trusted checkpoints', () => {
  let key: DeploymentKey;
  const sealedNames = ['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9'];
  let checkpoints: Checkpoint[];

  beforeAll(async () => {
    key = await DeploymentKey.fromPrivateKey(generateKeyPairSync('ed25519').privateKey);
    checkpoints = seal(key, sealedNames, 4);
  });

  it('an untouched partition is intact through the last sealed offset, counting what came after', () => {
    expect(verify(checkpoints, key.publicKeys(), [...sealedNames, 'e10', 'e11'])).toEqual({
      partition: 0,
      events: 12,
      intactThrough: '9',
      unsealed: 2,
      sealProblems: [],
    });
  });

  it.each([
    ['altered', ['e0', 'e1', 'e2', 'e3', 'e4', 'XX', 'e6', 'e7', 'e8', 'e9'], '5'],
    ['inserted', ['e0', 'e1', 'e2', 'e3', 'e4', 'XX', 'e5', 'e6', 'e7', 'e8', 'e9'], '5'],
    ['removed', ['e0', 'e1', 'e2', 'e3', 'e4', 'e6', 'e7', 'e8', 'e9'], '5'],
    ['reordered', ['e0', 'e1', 'e2', 'e3', 'e4', 'e6', 'e5', 'e7', 'e8', 'e9'], '5'],
    ['removed', ['e0', 'e1', 'e2'], '3'],
  ])('reports %s at the first offset that differs', (kind, ledger, offset) => {
    const verdict = verify(checkpoints, key.publicKeys(), ledger);
    expect(verdict.break).toEqual({ offset, kind });
    expect(verdict.intactThrough).toBeNull();
  });

  it('a record missing from the broker (a gap in offsets) is a removal at the missing offset', () => {
    const { trusted } = trustedCheckpoints(TOPIC, 0, checkpoints, key.publicKeys());
    const verifier = new PartitionVerifier(TOPIC, 0, trusted);
    sealedNames.forEach((name, offset) => offset !== 6 && verifier.accept(String(offset), event(name)));
    expect(verifier.finish().break).toEqual({ offset: '6', kind: 'removed' });
  });

  it('a checkpoint signed by another key that claims the deployment key id is not trusted, nor anything after it', async () => {
    const attacker = await DeploymentKey.fromPrivateKey(generateKeyPairSync('ed25519').privateKey);
    const forged = seal(attacker, sealedNames, 4).map((c) => ({ ...c, keyId: key.keyId }));
    const verdict = verify([checkpoints[0], forged[1], checkpoints[2]], key.publicKeys(), sealedNames);
    expect(verdict.sealProblems).toEqual([
      expect.objectContaining({
        fromOffset: '4',
        throughOffset: '7',
        problem: expect.stringMatching(/^signature does not verify; 1 later/),
      }),
    ]);
    expect(verdict.intactThrough).toBe('3');
  });

  it('a checkpoint signed by an unknown key, or whose digests were edited after signing, is a seal problem', async () => {
    const other = await DeploymentKey.fromPrivateKey(generateKeyPairSync('ed25519').privateKey);
    expect(verify(seal(other, sealedNames, 4), key.publicKeys(), sealedNames).sealProblems[0].problem).toMatch(/unknown key/);
    const edited = { ...checkpoints[0], eventDigests: [event('XX').toString('hex'), ...checkpoints[0].eventDigests.slice(1)] };
    expect(verify([edited], key.publicKeys(), sealedNames).sealProblems[0].problem).toMatch(/signature does not verify/);
  });

  it('a checkpoint sealed twice (overlap) or out of chain is a seal problem', () => {
    expect(verify([checkpoints[0], checkpoints[0]], key.publicKeys(), sealedNames).sealProblems[0].problem).toMatch(/overlaps/);
    expect(verify([checkpoints[1]], key.publicKeys(), sealedNames).sealProblems[0].problem).toMatch(/does not continue the chain/);
  });
});
