import type { Upcaster } from '../event-types';

/** The payload of `CertificateIssued` version 1: what was certified, its code, and a hash of the rendered content. */
export interface CertificateIssuedV1Data {
  learnerId: string;
  scopeType: string;
  scopeId: string;
  verificationCode: string;
  contentHash: string;
}

/**
 * Version 1 → 2: a version 1 issue did not record the watermark or what page 1 said, and its hash was
 * of rendered content that cannot be computed again, so those are stated as unknown (null, facts
 * version 0) rather than guessed; the old hash is kept as the facts hash. A `contentHash` that is not
 * a string is left in place for validation to reject.
 */
export const upcastCertificateIssuedV1: Upcaster = (data) => {
  const { contentHash, ...rest } = data;
  if (typeof contentHash !== 'string') return data;
  return { watermark: null, learnerName: null, title: null, completedAt: null, factsVersion: 0, ...rest, factsHash: contentHash };
};
