import { CourseDefinedV1, LearningPathDefinedV1 } from '@ledger/events';
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

  it('adds nothing for activity (learners are kept apart, see session-learners) or for other events', () => {
    expect(linkAdditions(atOffset(accessed('learner-1', 's-1'), 4))).toEqual([]);
    expect(linkAdditions(atOffset(ledgerEvent('ProgrammeRetired', 'prog-ipc', { programmeId: 'prog-ipc' }), 0))).toEqual([]);
  });

  it('only grows, keeps lists sorted, and records the newest adding offset per partition', () => {
    const groups = groupAdditionsByNode([
      atOffset(courseDefined(['s-1']), 7, 1),
      atOffset(ledgerEvent('LearningPathDefined', 'path-1', { ...LearningPathDefinedV1.example, learningPathId: 'path-1', sessionIds: ['s-1'] }), 5, 0),
      atOffset(courseDefined(['s-9'], 'prog-other'), 8, 1),
    ]);
    const node = foldDocument(addLinks, groups.get('session:s-1') ?? []);
    expect(node).toMatchObject({ containers: ['course:course-hh', 'learning-path:path-1'], projection: { offsets: { '0': '5', '1': '7' } } });
    expect(foldDocument(addLinks, groups.get('course:course-hh') ?? [])).toMatchObject({ sessions: ['session:s-1', 'session:s-9'], containers: ['programme:prog-ipc', 'programme:prog-other'] });
  });

  it('returns the same document, so nothing is written, when an addition adds nothing new', () => {
    const node = foldDocument(addLinks, linkAdditions(atOffset(courseDefined(['s-1']), 1)).filter((a) => a.nodeId === 'session:s-1')) as ProgressLinksDocument;
    const [repeat] = linkAdditions(atOffset(courseDefined(['s-1']), 2)).filter((a) => a.nodeId === 'session:s-1');
    expect(addLinks(node, repeat)).toBe(node);
  });

  it('gives the same lists whichever partition is applied first', () => {
    const course = atOffset(courseDefined(['s-1']), 7, 1);
    const path = atOffset(ledgerEvent('LearningPathDefined', 'path-1', { ...LearningPathDefinedV1.example, learningPathId: 'path-1', sessionIds: ['s-1'] }), 5, 0);
    const oneWay = foldDocument(addLinks, [...linkAdditions(course), ...linkAdditions(path)].filter((a) => a.nodeId === 'session:s-1'));
    const otherWay = foldDocument(addLinks, [...linkAdditions(path), ...linkAdditions(course)].filter((a) => a.nodeId === 'session:s-1'));
    expect(otherWay).toEqual(oneWay);
  });
});
