import { nameBasedUuid } from './name-based-uuid';

/** RFC 4122 Appendix C's DNS namespace; other implementations agree on the values below. */
const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('nameBasedUuid (UUID v5)', () => {
  it('matches independently computed v5 UUIDs', () => {
    expect(nameBasedUuid(DNS_NAMESPACE, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(nameBasedUuid(URL_NAMESPACE, 'https://example.org/x')).toBe('fdb420ba-c7a0-5bc0-b348-39fd508cc82c');
  });

  it('is stable for one name and differs between names and namespaces', () => {
    const id = nameBasedUuid(DNS_NAMESPACE, 'commit-1');
    expect(nameBasedUuid(DNS_NAMESPACE.toUpperCase(), 'commit-1')).toBe(id);
    expect(nameBasedUuid(DNS_NAMESPACE, 'commit-2')).not.toBe(id);
    expect(nameBasedUuid(URL_NAMESPACE, 'commit-1')).not.toBe(id);
  });

  it('sets version 5 and the RFC 4122 variant', () => {
    for (const name of ['', 'a', 'é learner ✓', 'x'.repeat(500)]) {
      expect(nameBasedUuid(DNS_NAMESPACE, name)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => nameBasedUuid('not-a-uuid', 'x')).toThrow('namespace must be a UUID');
  });
});
