import { CourseDefinedV1 } from '@ledger/events';
import type { CatalogueEntryDocument } from '@ledger/read-store';
import { atOffset, foldDocument, ledgerEvent } from '../testing/projection-test-kit';
import { catalogueEntryIdOf, evolveCatalogueEntry } from './evolve-catalogue-entry';

const courseDefined = (data: Partial<CourseDefinedV1> = {}, occurredAt = '2026-10-01T09:00:00.000Z') =>
  ledgerEvent('CourseDefined', 'course-hand-hygiene', { ...CourseDefinedV1.example, ...data }, { occurredAt });
const courseRetired = (occurredAt: string) => ledgerEvent('CourseRetired', 'course-hand-hygiene', { courseId: 'course-hand-hygiene' }, { occurredAt });

describe('catalogue entry fold', () => {
  it('keys every entry by kind and catalogue id', () => {
    expect(catalogueEntryIdOf(courseDefined())).toBe('course:course-hand-hygiene');
    expect(catalogueEntryIdOf(ledgerEvent('ProgrammeRetired', 'prog-ipc', { programmeId: 'prog-ipc' }))).toBe('programme:prog-ipc');
    expect(catalogueEntryIdOf(ledgerEvent('SessionDefined', 's-1', { sessionId: 's-1', title: 'S', parentType: 'course', parentId: 'c', requiresPass: false }))).toBe('session:s-1');
  });

  it('holds the definition as stated', () => {
    const entry = foldDocument(evolveCatalogueEntry, [atOffset(courseDefined(), 0)]);
    expect(entry).toMatchObject({
      _id: 'course:course-hand-hygiene',
      kind: 'course',
      catalogueId: 'course-hand-hygiene',
      definition: { programmeId: 'prog-ipc', title: 'Hand Hygiene', sessionIds: ['elfh-session-1042', 'elfh-session-1043'], issuesCertificate: true, statusPolicy: 'latest' },
      definedAt: '2026-10-01T09:00:00.000Z',
      retired: false,
      retiredAt: null,
    });
  });

  it('lets the latest definition in ledger order replace the previous one whole', () => {
    const entry = foldDocument(evolveCatalogueEntry, [
      atOffset(courseDefined(), 0),
      atOffset(courseDefined({ title: 'Hand Hygiene (2027)', sessionIds: ['s-new'], statusPolicy: 'best' }, '2026-10-05T09:00:00.000Z'), 1),
    ]);
    expect(entry?.definition).toMatchObject({ title: 'Hand Hygiene (2027)', sessionIds: ['s-new'], statusPolicy: 'best' });
    expect(entry?.definedAt).toBe('2026-10-05T09:00:00.000Z');
  });

  it('keeps a retired course, its definition and when it was first retired; a later definition does not un-retire it', () => {
    const entry = foldDocument(evolveCatalogueEntry, [
      atOffset(courseDefined(), 0),
      atOffset(courseRetired('2026-12-01T00:00:00.000Z'), 1),
      atOffset(courseRetired('2026-12-09T00:00:00.000Z'), 2),
      atOffset(courseDefined({ title: 'Renamed' }), 3),
    ]);
    expect(entry).toMatchObject({ retired: true, retiredAt: '2026-12-01T00:00:00.000Z', definition: { title: 'Renamed' } });
  });

  it('records a retirement that precedes any definition, with no definition', () => {
    const entry = foldDocument(evolveCatalogueEntry, [atOffset(courseRetired('2026-12-01T00:00:00.000Z'), 0)]);
    expect(entry).toMatchObject({ _id: 'course:course-hand-hygiene', definition: null, definedAt: null, retired: true });
  });

  it('changes nothing for a duplicate (same event id again) or a redelivered event', () => {
    const first = courseDefined();
    const second = courseDefined({ title: 'Second' });
    const once = foldDocument(evolveCatalogueEntry, [atOffset(first, 0), atOffset(second, 1)]);
    const again = foldDocument(evolveCatalogueEntry, [atOffset(first, 0), atOffset(second, 1), atOffset(first, 2), atOffset(second, 1)]);
    expect(again).toEqual<CatalogueEntryDocument | null>(once);
    expect(again?.definition?.title).toBe('Second');
  });
});
