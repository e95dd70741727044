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
  issuedOn: string;
  verificationCode: string;
  /** The public page that checks this code; the QR code holds it. */
  verifyUrl: string;
  /** The QR code of `verifyUrl` as inline SVG markup (made by the qrcode library, no user text in it). */
  qrSvg: string;
}

const KIND_LABELS: Record<CertificateScopeType, string> = { course: 'course', 'learning-path': 'learning path', programme: 'programme' };

/** The public page where anyone checks a code (needs no sign-in). */
export function verificationPageUrl(publicUrl: string, verificationCode: string): string {
  return `${publicUrl}/verify-certificate/${verificationCode}`;
}

/** Page 1 from the facts and this issue's code and time, with UK dates and a QR code of the verification page. */
export async function certificatePage(
  facts: CertificateFacts,
  issue: { verificationCode: string; issuedAt: string },
  settings: { hubName: string; publicUrl: string; dates: ReportDates },
): Promise<CertificatePage> {
  const verifyUrl = verificationPageUrl(settings.publicUrl, issue.verificationCode);
  return {
    hubName: settings.hubName,
    learnerName: facts.learnerName,
    kindLabel: KIND_LABELS[facts.kind],
    title: facts.title,
    completedOn: settings.dates.formatDate(facts.completedAt),
    issuedOn: settings.dates.formatDate(issue.issuedAt),
    verificationCode: issue.verificationCode,
    verifyUrl,
    // Error correction M survives a smudged print; a one-module quiet zone is enough inside the page's white space.
    qrSvg: await QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }),
  };
}
