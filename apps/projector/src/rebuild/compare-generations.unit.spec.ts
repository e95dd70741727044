import { diffDocuments, documentHash } from './compare-generations';

describe('comparing read-model generations', () => {
  it('hashes equal content equally whatever the key order', () => {
    expect(documentHash({ _id: 'a', x: 1, y: { b: 2, a: 1 } })).toBe(documentHash({ y: { a: 1, b: 2 }, x: 1, _id: 'a' }));
    expect(documentHash({ _id: 'a', x: 1 })).not.toBe(documentHash({ _id: 'a', x: 2 }));
  });

  it('names documents missing on either side and documents whose content differs', () => {
    const live = [{ _id: 'same', v: 1 }, { _id: 'changed', v: 1 }, { _id: 'gone', v: 1 }];
    const rebuilt = [{ _id: 'same', v: 1 }, { _id: 'changed', v: 2 }, { _id: 'new', v: 1 }];
    expect(diffDocuments('c', live, rebuilt)).toEqual([
      { collection: 'c', id: 'changed', kind: 'content-differs' },
      { collection: 'c', id: 'gone', kind: 'only-in-live' },
      { collection: 'c', id: 'new', kind: 'only-in-rebuilt' },
    ]);
    expect(diffDocuments('c', live, live)).toEqual([]);
  });
});
