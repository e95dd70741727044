import { CourseDefinedV1 } from '@ledger/events';
import { atOffset, foldDocument, ledgerEvent } from '../testing/projection-test-kit';
import { addLinks, groupAdditionsByNode, LinkAddition, linkAdditions, ProgressLinksDocument } from './progress-links';

const courseDefined = (sessionIds: string[], programmeId = 'prog-ipc') =>
  ledgerEvent('CourseDefined', 'course-hh', { ...CourseDefinedV1.example, courseId: 'course-hh', programmeId, sessionIds });
const accessed = (learnerId: string, sessionId: string) => ledgerEvent('SessionAccessed', learnerId, { sessionId, attemptId: 'a-1', timeSpentSeconds: 5 });

const foldNode = (nodeId: string, additions: LinkAddition[]) => foldDocument(addLinks, additions.filter((a) => a.nodeId === nodeId));

describe('progress links', () => {
  it('links a course both ways to its sessions and its programme', () => {
    const additions = linkAdditions(atOffset(courseDefined(['s-2', 's-1']), 0, 1));
    expect(additions.map((a) => [a.nodeId, a.add])).toEqual([
      ['course:course-hh', { sessions: ['session:s-2', 'session:s-1'], containers: ['programme:prog-ipc'] }],
      ['programme:prog-ipc', { containers: ['course:course-hh'] }],
      ['session:s-2', { containers: ['course:course-hh'] }],
      ['session:s-1', { containers: ['course:course-hh'] }],
    ]);
    expect(foldNode('course:course-hh', additions)?.sessions).toEqual(['session:s-1', 'session:s-2']);
  });

  it('links a session to the learners with activity in it, and nothing for other events', () => {
    expect(linkAdditions(atOffset(accessed('learner-1', 's-1'), 4)).map((a) => [a.nodeId, a.add])).toEqual([['session:s-1', { learners: ['learner-1'] }]]);
    expect(linkAdditions(atOffset(ledgerEvent('ProgrammeRetired', 'prog-ipc', { programmeId: 'prog-ipc' }), 0))).toEqual([]);
  });

  it('only grows, keeps lists sorted, and records the newest adding offset per partition', () => {
    const groups = groupAdditionsByNode([
      atOffset(accessed('learner-b', 's-1'), 3, 0),
      atOffset(courseDefined(['s-1']), 7, 1),
      atOffset(accessed('learner-a', 's-1'), 5, 0),
      atOffset(courseDefined(['s-9'], 'prog-other'), 8, 1),
    ]);
    const node = foldDocument(addLinks, groups.get('session:s-1') ?? []);
    expect(node).toMatchObject({ containers: ['course:course-hh'], learners: ['learner-a', 'learner-b'], projection: { offsets: { '0': '5', '1': '7' }, eventIds: [] } });
    expect(foldDocument(addLinks, groups.get('course:course-hh') ?? [])).toMatchObject({ sessions: ['session:s-1', 'session:s-9'], containers: ['programme:prog-ipc', 'programme:prog-other'] });
  });

  it('returns the same document, so nothing is written, when an addition adds nothing new', () => {
    const again = accessed('learner-a', 's-1');
    const node = foldDocument(addLinks, linkAdditions(atOffset(again, 1))) as ProgressLinksDocument;
    const [repeat] = linkAdditions(atOffset(accessed('learner-a', 's-1'), 2));
    expect(addLinks(node, repeat)).toBe(node);
  });

  it('gives the same lists whichever partition is applied first', () => {
    const course = atOffset(courseDefined(['s-1']), 7, 1);
    const learner = atOffset(accessed('learner-a', 's-1'), 5, 0);
    const oneWay = foldDocument(addLinks, [...linkAdditions(course), ...linkAdditions(learner)].filter((a) => a.nodeId === 'session:s-1'));
    const otherWay = foldDocument(addLinks, [...linkAdditions(learner), ...linkAdditions(course)].filter((a) => a.nodeId === 'session:s-1'));
    expect(otherWay).toEqual(oneWay);
  });
});
