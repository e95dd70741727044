import type { BreakKind, ChainVerdict, PartitionVerdict, SealProblem } from '@ledger/chain';

const WHAT_HAPPENED: Record<BreakKind, string> = {
  altered: 'an event was altered',
  inserted: 'an event was inserted',
  removed: 'an event was removed',
  reordered: 'events were reordered',
};

/** The report `verify-chain` prints: one line per partition, then every seal problem, then the result. */
export function chainReport(verdict: ChainVerdict): string[] {
  return [
    ...verdict.partitions.map(partitionLine),
    ...[...verdict.unreadableSeals, ...verdict.partitions.flatMap((p) => p.sealProblems)].map(sealProblemLine),
    `result: ${verdict.intact ? 'INTACT' : 'BROKEN'} (${verdict.events} events, ${verdict.checkpoints} checkpoints)`,
  ];
}

function partitionLine(p: PartitionVerdict): string {
  const head = `partition ${p.partition}:`;
  if (p.break) return `${head} BROKEN at offset ${p.break.offset}: ${WHAT_HAPPENED[p.break.kind]} (${p.break.kind})`;
  const unsealed = `${p.unsealed} event(s) after the last seal not yet sealed`;
  if (p.intactThrough === null) return p.events === 0 ? `${head} no events` : `${head} nothing sealed yet; ${unsealed}`;
  return `${head} intact through offset ${p.intactThrough}; ${unsealed}`;
}

function sealProblemLine(s: SealProblem): string {
  const where = s.partition === null ? '' : ` partition ${s.partition}, checkpoint of offsets ${s.fromOffset}-${s.throughOffset}:`;
  return `SEAL PROBLEM${where} ${s.problem}`;
}
