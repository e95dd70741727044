import { CERTIFICATE_SCOPE_TYPES, CertificateScopeType, FieldError } from '@ledger/events';
import { AppError } from '@ledger/runtime';
import { normaliseVerificationCode } from './verification-code';

const MAX_ID_LENGTH = 200;

/** Which certificate a request names, checked: a 400 names every bad part of the path. */
export function readCertificateTarget(kind: string, containerId: string): { kind: CertificateScopeType; containerId: string } {
  const errors: FieldError[] = [];
  if (!(CERTIFICATE_SCOPE_TYPES as readonly string[]).includes(kind)) errors.push({ field: 'kind', reason: `must be one of ${CERTIFICATE_SCOPE_TYPES.join(', ')}` });
  if (containerId.length === 0 || containerId.length > MAX_ID_LENGTH) errors.push({ field: 'containerId', reason: `must be 1 to ${MAX_ID_LENGTH} characters` });
  if (errors.length > 0) throw new AppError('REQUEST.INVALID', 'This names no certificate', errors);
  return { kind: kind as CertificateScopeType, containerId };
}

/** A verification code from a request, in its printed form; a 400 when it cannot be one. */
export function readVerificationCode(typed: string): string {
  const code = normaliseVerificationCode(typed);
  if (!code) throw new AppError('REQUEST.INVALID', 'This is not a verification code', [{ field: 'code', reason: VERIFICATION_CODE_RULE }]);
  return code;
}

export const VERIFICATION_CODE_RULE = 'must be the 12 letters and digits printed on the certificate, e.g. K7QF-92XM-4HTD';
