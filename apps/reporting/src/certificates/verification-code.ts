import { randomBytes } from 'node:crypto';
import { base32crockford } from '@scure/base';

/** Characters of a code: 60 random bits, in three groups of four (e.g. `K7QF-92XM-4HTD`). */
const CODE_CHARACTERS = 12;
const GROUP = 4;
/** Crockford's base32 alphabet: digits and capitals without I, L, O and U, which are easily misread. */
const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]+$/;

/**
 * A new verification code: 60 bits from the system's CSPRNG written in Crockford's base32, so it
 * cannot be guessed (2^60 codes; the verify endpoints are rate-limited as well), is short enough to
 * type from paper, and has no characters that look alike.
 */
export function newVerificationCode(): string {
  return grouped(base32crockford.encode(randomBytes(8)).slice(0, CODE_CHARACTERS));
}

/**
 * A code as a person typed it, in its printed form, or null when it cannot be one. Case, spaces and
 * hyphens do not matter (see VERIFICATION_CODE_PATTERN), and the letters Crockford's base32 reads as digits are read so (O as 0,
 * I and L as 1), so a code copied by hand still matches.
 */
export function normaliseVerificationCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[ -]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return compact.length === CODE_CHARACTERS && CROCKFORD.test(compact) ? grouped(compact) : null;
}

/**
 * What normaliseVerificationCode accepts, as a regular expression for the OpenAPI description: twelve
 * letters (any case, not U) or digits, with spaces and hyphens anywhere.
 */
export const VERIFICATION_CODE_PATTERN = '^[ -]*([0-9A-TV-Za-tv-z][ -]*){12}$';

function grouped(compact: string): string {
  return compact.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}
