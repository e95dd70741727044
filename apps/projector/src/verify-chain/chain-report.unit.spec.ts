import type { ChainVerdict } from '@ledger/chain';
import { chainReport } from './chain-report';

const verdict = (partitions: ChainVerdict['partitions'], intact: boolean): ChainVerdict => ({
  ledgerTopic: 't',
  sealsTopic: 't.seals',
  partitions,
  unreadableSeals: [],
  checkpoints: 3,
  events: 20,
  intact,
});

describe('chainReport', () => {
  it('says, per partition, intact through which offset and how much is not sealed yet', () => {
    expect(
      chainReport(
        verdict(
          [
            { partition: 0, events: 12, intactThrough: '9', unsealed: 2, sealProblems: [] },
            { partition: 1, events: 3, intactThrough: null, unsealed: 3, sealProblems: [] },
            { partition: 2, events: 0, intactThrough: null, unsealed: 0, sealProblems: [] },
          ],
          true,
        ),
      ),
    ).toEqual([
      'partition 0: intact through offset 9; 2 event(s) after the last seal not yet sealed',
      'partition 1: nothing sealed yet; 3 event(s) after the last seal not yet sealed',
      'partition 2: no events',
      'result: INTACT (20 events, 3 checkpoints)',
    ]);
  });

  it('names the first broken offset and its kind, and every seal problem', () => {
    const lines = chainReport(
      verdict(
        [
          {
            partition: 1,
            events: 9,
            intactThrough: null,
            unsealed: 0,
            break: { offset: '5', kind: 'reordered' },
            sealProblems: [{ partition: 1, fromOffset: '8', throughOffset: '9', problem: 'signature does not verify' }],
          },
        ],
        false,
      ),
    );
    expect(lines).toEqual([
      'partition 1: BROKEN at offset 5: events were reordered (reordered)',
      'SEAL PROBLEM partition 1, checkpoint of offsets 8-9: signature does not verify',
      'result: BROKEN (20 events, 3 checkpoints)',
    ]);
  });
});
