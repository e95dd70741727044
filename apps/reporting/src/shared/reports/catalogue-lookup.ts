import type { StatusPolicy } from '@ledger/events';
import { CATALOGUE_COLLECTION, CatalogueEntryDocument, catalogueEntryId, CatalogueEntryKind, CourseEntry, LearningPathEntry, ProgrammeEntry, readByIds, SessionEntry } from '@ledger/read-store';
import type { ReadModels } from '@ledger/read-store';

/** Where a session sits in the catalogue, as reports name it: its course or learning path and programme. */
export interface SessionPlace {
  sessionId: string;
  sessionTitle: string;
  /** Null for a session the catalogue has not defined (yet): reports show it under no programme. */
  containerKind: 'course' | 'learning-path' | null;
  containerId: string | null;
  containerTitle: string | null;
  programmeId: string | null;
  programmeTitle: string | null;
  /** Which reported status the container shows (`latest` where none is known). */
  statusPolicy: StatusPolicy;
  /** The container or its programme is retired: still on the learner's record, no longer offered. */
  retired: boolean;
}

/**
 * The catalogue entries one report needs, each read by `_id` once (readByIds) and kept for the rest of
 * the request: a report over 5 000 staff names the same few hundred sessions over and over. The
 * catalogue is read from the report's source, so an as-of report sees the catalogue as it stood.
 */
export class CatalogueLookup {
  private readonly entries = new Map<string, CatalogueEntryDocument | null>();

  constructor(private readonly source: ReadModels) {}

  async entry<K extends CatalogueEntryKind>(kind: K, id: string): Promise<Extract<CatalogueEntryDocument, { kind: K }> | null> {
    await this.load([catalogueEntryId(kind, id)]);
    return this.cached(kind, id);
  }

  /** The places of these sessions (undefined sessions get a place with no container). */
  async placesOf(sessionIds: Iterable<string>): Promise<Map<string, SessionPlace>> {
    const ids = [...new Set(sessionIds)];
    await this.load(ids.map((id) => catalogueEntryId('session', id)));
    const sessions = ids.map((id) => [id, this.cached('session', id)] as const);
    await this.load(sessions.flatMap(([, s]) => (s?.definition ? [catalogueEntryId(s.definition.parentType, s.definition.parentId)] : [])));
    const containers = sessions.map(([, s]) => (s?.definition ? this.cached(s.definition.parentType, s.definition.parentId) : null));
    await this.load(containers.flatMap((c) => (c?.definition ? [catalogueEntryId('programme', c.definition.programmeId)] : [])));
    return new Map(sessions.map(([id, session], i) => [id, this.place(id, session, containers[i])]));
  }

  private place(sessionId: string, session: SessionEntry | null, container: CourseEntry | LearningPathEntry | null): SessionPlace {
    const programme: ProgrammeEntry | null = container?.definition ? this.cached('programme', container.definition.programmeId) : null;
    return {
      sessionId,
      sessionTitle: session?.definition?.title ?? sessionId,
      containerKind: container?.kind ?? null,
      containerId: container?.catalogueId ?? null,
      containerTitle: container?.definition?.title ?? null,
      programmeId: container?.definition?.programmeId ?? null,
      programmeTitle: programme?.definition?.title ?? container?.definition?.programmeId ?? null,
      statusPolicy: container?.definition?.statusPolicy ?? 'latest',
      retired: Boolean(container?.retired || programme?.retired),
    };
  }

  private cached<K extends CatalogueEntryKind>(kind: K, id: string): Extract<CatalogueEntryDocument, { kind: K }> | null {
    const entry = this.entries.get(catalogueEntryId(kind, id));
    return entry?.kind === kind ? (entry as Extract<CatalogueEntryDocument, { kind: K }>) : null;
  }

  private async load(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.entries.has(id));
    if (missing.length === 0) return;
    const found = await readByIds(await this.source.readModel<CatalogueEntryDocument>(CATALOGUE_COLLECTION), missing);
    for (const id of missing) this.entries.set(id, found.get(id) ?? null);
  }
}
