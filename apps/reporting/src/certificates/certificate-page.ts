import QRCode from 'qrcode';
import type { CertificateScopeType } from '@ledger/events';
import type { ReportDates } from '../report-outputs/report-dates';
import type { CertificateFacts } from './certificate-facts';

/** What page 1 of a certificate PDF prints (views/certificates/certificate-page.njk). */
export interface CertificatePage {
  hubName: string;
  learnerName: string;
  kindLabel: string;
  title: string;
  completedOn: string;
  /** "Not issued" for an auditor's view as of a moment. */
  issuedOn: string;
  /** Null for an auditor's view as of a moment: it was never issued, so nothing can check it. */
  verificationCode: string | null;
  /** The public page that checks this code; the QR code holds it. */
  verifyUrl: string | null;
  /** The QR code of `verifyUrl` as inline SVG markup (made by the qrcode library, no user text in it). */
  qrSvg: string | null;
  /** The instant of an auditor's view as of a moment (what it says instead of the check); null for an issue. */
  viewedAsOf: string | null;
}

/** An issue of a certificate (its code and time), or an auditor's view of it as of an instant, which is not an issue. */
export type CertificateOccasion = { verificationCode: string; issuedAt: string } | { viewedAsOf: string };

const KIND_LABELS: Record<CertificateScopeType, string> = { course: 'course', 'learning-path': 'learning path', programme: 'programme' };

/** The public page where anyone checks a code (needs no sign-in). */
export function verificationPageUrl(publicUrl: string, verificationCode: string): string {
  return `${publicUrl}/verify-certificate/${verificationCode}`;
}

/** Page 1 from the facts, with UK dates; for an issue, its code and a QR code of the verification page. */
export async function certificatePage(
  facts: CertificateFacts,
  occasion: CertificateOccasion,
  settings: { hubName: string; publicUrl: string; dates: ReportDates },
): Promise<CertificatePage> {
  const page = {
    hubName: settings.hubName,
    learnerName: facts.learnerName,
    kindLabel: KIND_LABELS[facts.kind],
    title: facts.title,
    completedOn: settings.dates.formatDate(facts.completedAt),
  };
  if ('viewedAsOf' in occasion) {
    return { ...page, issuedOn: 'Not issued', verificationCode: null, verifyUrl: null, qrSvg: null, viewedAsOf: occasion.viewedAsOf };
  }
  const verifyUrl = verificationPageUrl(settings.publicUrl, occasion.verificationCode);
  return {
    ...page,
    issuedOn: settings.dates.formatDate(occasion.issuedAt),
    verificationCode: occasion.verificationCode,
    verifyUrl,
    // Error correction M survives a smudged print; a one-module quiet zone is enough inside the page's white space.
    qrSvg: await QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }),
    viewedAsOf: null,
  };
}
