import { genesisLink, nextLink, recordDigest } from './chain-bytes';

// Expected values were computed apart from this code, from the layout documented in chain-bytes.ts
// (a short script building the bytes by hand and hashing them with SHA-256).
const GENESIS = '11b227fa5c13bd4bb6fd1d8a738128d72eb822f5f608b35b3b5cb0e174fa6dc3';
const DIGEST = '93bbc84fc4392c4a40ca0351d3dde6489e8e1c439af27365e2e01e4f8d4deb6f';
const LINK = 'aedd4b27d96717429b9fd4d70804daa789aacb908c9ec338725206ece437cd51';
const EMPTY_RECORD_DIGEST = 'a9dedd9f84fa95fdbb6185b43f7efd451c0255b57f8d96b9ba5abe4ca7f192a2';

const record: { key: Buffer | null; value: Buffer | null; headers: Array<[string, Buffer | null]> } = {
  key: Buffer.from('learner-42'),
  value: Buffer.from('{"eventId":"e1"}'),
  headers: [
    ['version', Buffer.from('1')],
    ['type', Buffer.from('SessionAccessed')],
  ],
};

describe('the chain byte layout (v1 test vectors)', () => {
  it('genesis of topic activity-ledger.events.v1, partition 3', () => {
    expect(genesisLink('activity-ledger.events.v1', 3).toString('hex')).toBe(GENESIS);
  });

  it('digest of a record with key, value and two headers', () => {
    expect(recordDigest(record).toString('hex')).toBe(DIGEST);
  });

  it('link of that record at partition 3, offset 7, after the genesis', () => {
    expect(nextLink(Buffer.from(GENESIS, 'hex'), 3, '7', Buffer.from(DIGEST, 'hex')).toString('hex')).toBe(LINK);
  });

  it('a record with no key, no value and no headers', () => {
    expect(recordDigest({ key: null, value: null, headers: [] }).toString('hex')).toBe(EMPTY_RECORD_DIGEST);
  });
});

describe('what a digest and a link commit to', () => {
  const digest = (change: Partial<typeof record>) => recordDigest({ ...record, ...change }).toString('hex');

  it('changes with any byte of key, value or a header, and tells a null key from an empty one', () => {
    const variants = [
      digest({ key: Buffer.from('learner-43') }),
      digest({ value: Buffer.from('{"eventId":"e2"}') }),
      digest({
        headers: [
          ['version', Buffer.from('2')],
          ['type', Buffer.from('SessionAccessed')],
        ],
      }),
      digest({ headers: [] }),
      digest({ key: null }),
      digest({ key: Buffer.alloc(0) }),
    ];
    expect(new Set([DIGEST, ...variants]).size).toBe(variants.length + 1);
  });

  it('does not depend on the order of differently named headers, but does on repeated ones', () => {
    expect(digest({ headers: [...record.headers].reverse() })).toBe(DIGEST);
    const repeated = (a: string, b: string): string =>
      digest({
        headers: [
          ['x', Buffer.from(a)],
          ['x', Buffer.from(b)],
        ],
      });
    expect(repeated('1', '2')).not.toBe(repeated('2', '1'));
  });

  it('a link changes with the partition, the offset and the previous link', () => {
    const base = nextLink(Buffer.from(GENESIS, 'hex'), 3, '7', Buffer.from(DIGEST, 'hex')).toString('hex');
    expect(nextLink(Buffer.from(GENESIS, 'hex'), 4, '7', Buffer.from(DIGEST, 'hex')).toString('hex')).not.toBe(base);
    expect(nextLink(Buffer.from(GENESIS, 'hex'), 3, '8', Buffer.from(DIGEST, 'hex')).toString('hex')).not.toBe(base);
    expect(nextLink(genesisLink('other-topic', 3), 3, '7', Buffer.from(DIGEST, 'hex')).toString('hex')).not.toBe(base);
  });

  it('offsets beyond 2^53 keep every bit', () => {
    const a = nextLink(Buffer.from(GENESIS, 'hex'), 0, '9007199254740993', Buffer.from(DIGEST, 'hex'));
    const b = nextLink(Buffer.from(GENESIS, 'hex'), 0, '9007199254740992', Buffer.from(DIGEST, 'hex'));
    expect(a.equals(b)).toBe(false);
  });
});
