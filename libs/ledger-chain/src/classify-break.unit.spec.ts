import { classifyBreak } from './classify-break';

/** Sealed events a…f at positions 0…5; the ledger now reads `found`; the first difference is at position `at`. */
function classify(found: string[], at: number) {
  const sealed = ['a', 'b', 'c', 'd', 'e', 'f'];
  return classifyBreak(found[at] ?? null, sealed[at], new Set(sealed.slice(at + 1)), new Set(found.slice(at + 1)));
}

describe('classifyBreak', () => {
  it('an event whose content changed in place is altered', () => {
    expect(classify(['a', 'b', 'X', 'd', 'e', 'f'], 2)).toBe('altered');
  });

  it('an event that was never sealed, placed before a sealed one, is inserted', () => {
    expect(classify(['a', 'b', 'X', 'c', 'd', 'e', 'f'], 2)).toBe('inserted');
  });

  it('a copy of an earlier sealed event placed before a sealed one is inserted, not reordered', () => {
    expect(classify(['a', 'b', 'a', 'c', 'd', 'e', 'f'], 2)).toBe('inserted');
  });

  it('a sealed event that is gone while the next one moved up is removed', () => {
    expect(classify(['a', 'b', 'd', 'e', 'f'], 2)).toBe('removed');
  });

  it('sealed events that ended early were removed', () => {
    expect(classify(['a', 'b', 'c'], 3)).toBe('removed');
  });

  it('two sealed events that swapped places are reordered', () => {
    expect(classify(['a', 'b', 'd', 'c', 'e', 'f'], 2)).toBe('reordered');
  });

  it('an event moved further down is reordered', () => {
    expect(classify(['a', 'c', 'd', 'e', 'b', 'f'], 1)).toBe('reordered');
  });
});
