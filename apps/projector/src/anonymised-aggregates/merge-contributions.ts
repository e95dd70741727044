import { addLearnerChanges } from './anonymised-keys';
import type { CellContribution } from './anonymised-learner-year';

/**
 * One contribution per shard and position: a catalogue batch changes many learners' cells at the same
 * position, and a shard applies each position once, so their changes are added up first.
 */
export function mergeAtPosition(contributions: readonly CellContribution[]): CellContribution[] {
  return mergeBy(contributions, (c) => `${c.cell}@${c.position.partition}:${c.position.offset}`);
}

/**
 * One contribution per cell for the changes a single run has just decided, at the latest of their
 * positions: a run writes each shard once, so the shard holds all of them or none, and their sum skips
 * or applies as they would have one by one. Keeps outboxes (read and written with every memory) at a
 * few entries however many events a learner had in the run. Never for contributions read back from an
 * outbox: a shard may already hold some of those. A scored contribution stays as it is, since a shard
 * counts one score per contribution.
 */
export function mergeRunByCell(contributions: readonly CellContribution[]): CellContribution[] {
  return mergeBy(contributions, (c) => (c.score === null ? c.cell : null));
}

/** Adds up the contributions that share a key (at the latest of their positions); those keyed null are kept as they are. */
function mergeBy(contributions: readonly CellContribution[], keyOf: (c: CellContribution) => string | null): CellContribution[] {
  const merged = new Map<string, CellContribution>();
  const kept: CellContribution[] = [];
  for (const c of contributions) {
    const key = keyOf(c);
    const seen = key === null ? undefined : merged.get(key);
    if (key === null) kept.push(c);
    else if (!seen) merged.set(key, { ...c, learners: addLearnerChanges({}, c.learners) });
    else {
      addLearnerChanges(seen.learners, c.learners);
      seen.timeSpentSeconds += c.timeSpentSeconds;
      if (BigInt(c.position.offset) > BigInt(seen.position.offset)) seen.position = c.position;
      if (c.recordedAt > seen.recordedAt) seen.recordedAt = c.recordedAt;
    }
  }
  return [...merged.values(), ...kept];
}
