import { certificateAvailability, CertificateAvailability, LearnerProgressDocument } from '@ledger/read-store';
import { certificateMissing } from './certificate-missing';

/**
 * A progress document as reports show it: no projection bookkeeping, with its certificate's state and,
 * while the certificate is greyed, what is still missing ("2 of 3 sessions done", "Assessment not yet passed").
 */
export type ProgressView = Omit<LearnerProgressDocument, '_id' | 'basis' | 'projection'> & { certificate: CertificateAvailability; certificateMissing: string[] };

export function progressView(doc: LearnerProgressDocument): ProgressView {
  const { _id, basis: _basis, projection: _projection, ...view } = doc;
  const certificate = certificateAvailability(doc, doc.issuesCertificate);
  return { ...view, certificate, certificateMissing: certificate === 'unavailable' ? certificateMissing(doc) : [] } as ProgressView;
}

/** The programme a progress document belongs to: a programme is its own, a course or learning path names its. */
export function programmeOf(doc: LearnerProgressDocument): string {
  return doc.kind === 'programme' ? doc.containerId : doc.programmeId;
}
