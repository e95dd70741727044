import { certificateAvailability, CertificateAvailability, LearnerProgressDocument } from '@ledger/read-store';

/** A progress document as reports show it: no projection bookkeeping, with its certificate's state. */
export type ProgressView = Omit<LearnerProgressDocument, '_id' | 'basis' | 'projection'> & { certificate: CertificateAvailability };

export function progressView(doc: LearnerProgressDocument): ProgressView {
  const { _id, basis: _basis, projection: _projection, ...view } = doc;
  return { ...view, certificate: certificateAvailability(doc, doc.issuesCertificate) } as ProgressView;
}

/** The programme a progress document belongs to: a programme is its own, a course or learning path names its. */
export function programmeOf(doc: LearnerProgressDocument): string {
  return doc.kind === 'programme' ? doc.containerId : doc.programmeId;
}
