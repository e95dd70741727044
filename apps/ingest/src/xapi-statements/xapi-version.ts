import { XAPI_VERSIONS, XapiVersion } from '@ledger/events';
import { AppError } from '@ledger/runtime';

/** The header every xAPI request and response carries: the version of the specification spoken. */
export const XAPI_VERSION_HEADER = 'X-Experience-API-Version';

/** A version header we speak: 1.0, 1.0.x, 2.0 or 2.0.x. */
const SPOKEN_VERSION = /^(1|2)\.0(?:\.\d+)?$/;
/** The same rule, for the OpenAPI description. */
export const XAPI_VERSION_HEADER_PATTERN = SPOKEN_VERSION.source;

/** What a response says when the request named no version we speak: the newest we do. */
export const NEWEST_XAPI_VERSION: XapiVersion = '2.0.0';

/**
 * The version a request's header asks for, as the newest patch of that line we implement: any
 * `1.0.x` (and bare `1.0`, which the 1.0 specification treats as 1.0.0) is answered as 1.0.3, any
 * `2.0.x` as 2.0.0. Null when the header is missing or names another version.
 */
export function negotiateXapiVersion(header: string | string[] | undefined): XapiVersion | null {
  if (typeof header !== 'string') return null;
  const match = SPOKEN_VERSION.exec(header.trim());
  if (!match) return null;
  return match[1] === '1' ? XAPI_VERSIONS[0] : XAPI_VERSIONS[1];
}

/** Why a request's version header is refused, for the 400 that names it. */
export function xapiVersionProblem(header: string | string[] | undefined): string {
  if (header === undefined) return 'is required (1.0.x or 2.0.x)';
  return `must be 1.0.x or 2.0.x, got "${Array.isArray(header) ? header.join(', ') : header}"`;
}

/** The negotiated version, or REQUEST.INVALID naming the header. */
export function requireXapiVersion(header: string | string[] | undefined): XapiVersion {
  const version = negotiateXapiVersion(header);
  if (version) return version;
  const problem = xapiVersionProblem(header);
  throw new AppError('REQUEST.INVALID', `the ${XAPI_VERSION_HEADER} header ${problem}`, [{ index: -1, errors: [{ field: XAPI_VERSION_HEADER, reason: problem }] }]);
}
