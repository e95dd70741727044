import { createHash } from 'node:crypto';
import { canonicalJson } from '@ledger/events';
import { LearnerProgressDocument, learnerProgressId, ProjectionMetadata } from '@ledger/read-store';
import { computeProgress, ResolvedContainer } from './compute-progress';
import type { LearnerActivityDocument } from './learner-activity';
import { ProgressInput, ProgressSources, resolveContainer } from './progress-sources';

export const LEARNER_PROGRESS_SCHEMA_VERSION = 1;

/**
 * A learner's progress document for one container, from the loaded sources and the learner's
 * activity; null for a container never defined. Only the learner's entries for the container's
 * sessions count as inputs, so activity elsewhere never changes the fingerprint.
 */
export function progressDocument(learnerId: string, nodeId: string, sources: ProgressSources, activity: LearnerActivityDocument | undefined): LearnerProgressDocument | null {
  const resolution = resolveContainer(nodeId, sources);
  if (!resolution) return null;
  const sessionIds = new Set(sessionIdsOf(resolution.definition));
  const reports = (activity?.sessions ?? []).filter((entry) => sessionIds.has(entry.sessionId));
  const inputs: ProgressInput[] = [
    ...resolution.inputs,
    ...reports.map((entry) => ({
      id: `activity ${entry.sessionId}`,
      offsets: { [String(entry.appliedThrough.partition)]: entry.appliedThrough.offset },
      lastRecordedAt: entry.lastRecordedAt,
    })),
  ];
  const progress = computeProgress(resolution.definition, reports);
  return {
    ...progress,
    _id: learnerProgressId(learnerId, progress.kind, progress.containerId),
    learnerId,
    basis: fingerprint(inputs),
    projection: mergedMetadata(inputs),
  };
}

function sessionIdsOf(definition: ResolvedContainer): string[] {
  const containers = definition.kind === 'programme' ? definition.parts : [definition];
  return containers.flatMap((c) => c.sessions.map((s) => s.sessionId));
}

/**
 * Names every input and how far the ledger had been applied to it. Every change to an input moves
 * its offsets, so equal fingerprints mean equal inputs and so an equal document.
 */
function fingerprint(inputs: ProgressInput[]): string {
  const named = new Map(inputs.map((i) => [i.id, i.offsets]));
  const sorted = [...named].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(canonicalJson({ schemaVersion: LEARNER_PROGRESS_SCHEMA_VERSION, inputs: sorted })).digest('hex');
}

/** The newest offset per partition, and the newest `recordedAt`, over all inputs. */
function mergedMetadata(inputs: ProgressInput[]): ProjectionMetadata {
  const offsets: Record<string, string> = {};
  let lastRecordedAt = '';
  for (const input of inputs) {
    for (const [partition, offset] of Object.entries(input.offsets)) {
      if (offsets[partition] === undefined || BigInt(offset) > BigInt(offsets[partition])) offsets[partition] = offset;
    }
    if (input.lastRecordedAt > lastRecordedAt) lastRecordedAt = input.lastRecordedAt;
  }
  return { schemaVersion: LEARNER_PROGRESS_SCHEMA_VERSION, offsets, lastRecordedAt };
}
