import { CatalogueEntryDocument, catalogueEntryId, CourseEntry, LearningPathEntry, ProjectionMetadata } from '@ledger/read-store';
import type { ResolvedContainer, ResolvedProgramme, ResolvedSessionContainer, SessionRequirement } from './compute-progress';
import type { DocumentReader } from './document-reader';
import type { ProgressLinksDocument } from './progress-links';

/** The projection's own copies of the catalogue and of the links, as read for one recomputation. */
export interface ProgressSources {
  catalogue: DocumentReader<CatalogueEntryDocument>;
  links: DocumentReader<ProgressLinksDocument>;
}

/** One stored document (or learner session entry) a progress document was computed from, and how far the ledger had been applied to it. */
export interface ProgressInput {
  id: string;
  offsets: Record<string, string>;
  lastRecordedAt: string;
}

/** A container's resolved definition and every input it was resolved from. */
export interface Resolution {
  definition: ResolvedContainer;
  inputs: ProgressInput[];
}

/** Loads what resolving these containers needs: their entries, programmes' parts, and every session listed. */
export async function loadProgressSources({ catalogue, links }: ProgressSources, containers: string[]): Promise<void> {
  const programmes = containers.filter((id) => id.startsWith('programme:'));
  await Promise.all([catalogue.load(containers), links.load(programmes)]);
  await catalogue.load(programmes.flatMap((id) => links.get(id)?.containers ?? []));
  const parts = [...containers, ...programmes.flatMap((id) => links.get(id)?.containers ?? [])];
  await catalogue.load(parts.flatMap((id) => sessionContainerEntry(catalogue, id)?.definition?.sessionIds.map((s) => catalogueEntryId('session', s)) ?? []));
}

/**
 * What progress through a container is measured against, from the loaded sources; null for a course
 * or path that has never been defined. A programme takes the parts the links name whose latest
 * definitions still name it, in node-id order.
 */
export function resolveContainer(nodeId: string, sources: ProgressSources): Resolution | null {
  if (!nodeId.startsWith('programme:')) return resolveSessionContainer(nodeId, sources);
  const programmeId = nodeId.slice('programme:'.length);
  const entry = sources.catalogue.get(nodeId);
  const links = sources.links.get(nodeId);
  const inputs = [input(`definition ${nodeId}`, entry?.projection), input(`links ${nodeId}`, links?.projection)];
  const parts: ResolvedSessionContainer[] = [];
  for (const partId of links?.containers ?? []) {
    const part = resolveSessionContainer(partId, sources);
    const partEntry = sessionContainerEntry(sources.catalogue, partId);
    if (part && part.definition.kind !== 'programme' && partEntry?.definition?.programmeId === programmeId) {
      parts.push(part.definition);
      inputs.push(...part.inputs);
    } else {
      inputs.push(input(`definition ${partId}`, partEntry?.projection));
    }
  }
  const definition = entry?.kind === 'programme' ? entry.definition : null;
  const programme: ResolvedProgramme = {
    kind: 'programme',
    containerId: programmeId,
    title: definition?.title ?? null,
    issuesCertificate: definition?.issuesCertificate ?? false,
    retired: entry?.retired ?? false,
    parts,
  };
  return { definition: programme, inputs };
}

function resolveSessionContainer(nodeId: string, { catalogue }: ProgressSources): Resolution | null {
  const entry = sessionContainerEntry(catalogue, nodeId);
  if (!entry?.definition) return null;
  const { title, programmeId, issuesCertificate, statusPolicy, sessionIds } = entry.definition;
  const inputs = [input(`definition ${nodeId}`, entry.projection)];
  const sessions = sessionIds.map((sessionId): SessionRequirement => {
    const session = catalogue.get(catalogueEntryId('session', sessionId));
    inputs.push(input(`definition ${catalogueEntryId('session', sessionId)}`, session?.projection));
    const defined = session?.kind === 'session' ? session.definition : null;
    return { sessionId, title: defined?.title ?? null, requiresPass: defined?.requiresPass ?? null };
  });
  const definition: ResolvedSessionContainer = { kind: entry.kind, containerId: entry.catalogueId, title, programmeId, issuesCertificate, statusPolicy, retired: entry.retired, sessions };
  return { definition, inputs };
}

function sessionContainerEntry(catalogue: DocumentReader<CatalogueEntryDocument>, nodeId: string): CourseEntry | LearningPathEntry | undefined {
  const entry = catalogue.get(nodeId);
  return entry?.kind === 'course' || entry?.kind === 'learning-path' ? entry : undefined;
}

/** An absent document is an input too: its arrival must change the fingerprint. */
function input(id: string, projection: ProjectionMetadata | undefined): ProgressInput {
  return { id, offsets: projection?.offsets ?? {}, lastRecordedAt: projection?.lastRecordedAt ?? '' };
}
