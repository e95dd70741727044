import { newVerificationCode, normaliseVerificationCode, VERIFICATION_CODE_PATTERN } from './verification-code';

describe('verification codes', () => {
  it('are three groups of four Crockford base32 characters, different every time', () => {
    const codes = Array.from({ length: 2000 }, newVerificationCode);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('use every character of the alphabet, so all 60 bits vary', () => {
    const seen = new Set(Array.from({ length: 500 }, newVerificationCode).join('').replace(/-/g, ''));
    expect(seen.size).toBe(32);
  });

  it('are read back as typed: any case, spaces or hyphens, O for 0 and I or L for 1', () => {
    expect(normaliseVerificationCode('k7qf 92xm 4htd')).toBe('K7QF-92XM-4HTD');
    expect(normaliseVerificationCode('K7QF92XM4HTD')).toBe('K7QF-92XM-4HTD');
    expect(normaliseVerificationCode('1o0I-lLAB-CDEF')).toBe('1001-11AB-CDEF');
  });

  it('refuse what cannot be a code: wrong length, or a character outside the alphabet', () => {
    for (const typed of ['', 'K7QF-92XM-4HT', 'K7QF-92XM-4HTDX', 'K7QF-92XM-4HTU', 'K7QF/92XM/4HTD', 'K7QF\t92XM4HTD', '../../etc']) {
      expect(normaliseVerificationCode(typed)).toBeNull();
      expect(new RegExp(VERIFICATION_CODE_PATTERN).test(typed)).toBe(false);
    }
  });

  it('are described by the OpenAPI pattern exactly where they are accepted', () => {
    for (const typed of ['k7qf 92xm 4htd', 'K7QF92XM4HTD', '1o0I-lLAB-CDEF', ' -K7QF-92XM-4HTD- ', newVerificationCode()]) {
      expect(normaliseVerificationCode(typed)).not.toBeNull();
      expect(new RegExp(VERIFICATION_CODE_PATTERN).test(typed)).toBe(true);
    }
  });
});
