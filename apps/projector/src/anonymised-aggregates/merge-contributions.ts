import { addLearnerChanges } from './anonymised-keys';
import type { CellContribution } from './anonymised-learner-year';

/**
 * One contribution per shard and position: a catalogue batch changes many learners' cells at the same
 * position, and a shard applies each position once, so their changes are added up first.
 */
export function mergeAtPosition(contributions: readonly CellContribution[]): CellContribution[] {
  const merged = new Map<string, CellContribution>();
  for (const c of contributions) {
    const key = `${c.cell}@${c.position.partition}:${c.position.offset}`;
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, { ...c, learners: addLearnerChanges({}, c.learners) });
      continue;
    }
    addLearnerChanges(seen.learners, c.learners);
    seen.timeSpentSeconds += c.timeSpentSeconds;
  }
  return [...merged.values()];
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
  const merged = new Map<string, CellContribution>();
  const scored: CellContribution[] = [];
  for (const c of contributions) {
    if (c.score !== null) {
      scored.push(c);
      continue;
    }
    const seen = merged.get(c.cell);
    if (!seen) {
      merged.set(c.cell, { ...c, learners: addLearnerChanges({}, c.learners) });
      continue;
    }
    addLearnerChanges(seen.learners, c.learners);
    seen.timeSpentSeconds += c.timeSpentSeconds;
    if (BigInt(c.position.offset) > BigInt(seen.position.offset)) seen.position = c.position;
    if (c.recordedAt > seen.recordedAt) seen.recordedAt = c.recordedAt;
  }
  return [...merged.values(), ...scored];
}
